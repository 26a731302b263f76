namespace Sveltos.Engine.Helm.Releases;

/// <summary>The values of Helm's release.HookOutputLogPolicy (the helm.sh/hook-output-log-policy annotation, Helm 3.15+).</summary>
public static class HookOutputLogPolicy
{
    public const string OnSucceeded = "hook-succeeded";
    public const string OnFailed = "hook-failed";
}
