namespace Sveltos.Engine.Helm.Releases;

/// <summary>The values of Helm's release.HookPhase: how the last run of a hook went. A hook never run has phase "".</summary>
public static class HookPhase
{
    public const string Unknown = "Unknown";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
}
