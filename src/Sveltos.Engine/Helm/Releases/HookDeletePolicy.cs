namespace Sveltos.Engine.Helm.Releases;

/// <summary>The values of Helm's release.HookDeletePolicy (the helm.sh/hook-delete-policy annotation).</summary>
public static class HookDeletePolicy
{
    public const string Succeeded = "hook-succeeded";
    public const string Failed = "hook-failed";
    public const string BeforeHookCreation = "before-hook-creation";
}
