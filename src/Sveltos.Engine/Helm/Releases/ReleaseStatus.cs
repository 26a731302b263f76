namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// The values of Helm's release.Status, as stored in info.status and in the Secret's status label. A status is a
/// plain string, so one a newer Helm adds is read and written back unchanged.
/// </summary>
public static class ReleaseStatus
{
    public const string Unknown = "unknown";
    public const string Deployed = "deployed";
    public const string Uninstalled = "uninstalled";
    public const string Superseded = "superseded";
    public const string Failed = "failed";
    public const string Uninstalling = "uninstalling";
    public const string PendingInstall = "pending-install";
    public const string PendingUpgrade = "pending-upgrade";
    public const string PendingRollback = "pending-rollback";

    /// <summary>An install, upgrade or rollback is underway: Helm refuses another operation on the release.</summary>
    public static bool IsPending(string status) => status is PendingInstall or PendingUpgrade or PendingRollback;
}
