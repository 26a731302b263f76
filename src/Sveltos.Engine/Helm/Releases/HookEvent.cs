namespace Sveltos.Engine.Helm.Releases;

/// <summary>The values of Helm 3's release.HookEvent (the helm.sh/hook annotation), as stored in a hook's events.</summary>
public static class HookEvent
{
    public const string PreInstall = "pre-install";
    public const string PostInstall = "post-install";
    public const string PreDelete = "pre-delete";
    public const string PostDelete = "post-delete";
    public const string PreUpgrade = "pre-upgrade";
    public const string PostUpgrade = "post-upgrade";
    public const string PreRollback = "pre-rollback";
    public const string PostRollback = "post-rollback";
    public const string Test = "test";
}
