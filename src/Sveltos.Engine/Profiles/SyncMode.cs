namespace Sveltos.Engine.Profiles;

/// <summary>How a profile's add-ons are kept in sync with matching clusters (spec.syncMode).</summary>
public enum SyncMode
{
    /// <summary>Deploy once when a cluster starts matching; later changes are not applied.</summary>
    OneTime,

    /// <summary>Deploy, and apply every later change (the default).</summary>
    Continuous,

    /// <summary>Like Continuous, and also repair configuration drift found in the cluster.</summary>
    ContinuousWithDriftDetection,

    /// <summary>Change nothing; report what would change.</summary>
    DryRun,
}
