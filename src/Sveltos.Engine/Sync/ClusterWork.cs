using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>What a sync will do on one cluster: its pairs in dependency order, and the open connection.</summary>
public sealed record ClusterWork(FleetCluster Cluster, KubeClient Client, IReadOnlyList<PairWork> Pairs)
{
    /// <summary>Retries of the requests the cluster's pairs share (its records, discovery).</summary>
    public RetryCounter SharedRetries { get; init; } = new();
}

/// <summary>
/// One (profile, cluster) pair and where it deploys: the cluster itself, or the management cluster for
/// deploymentType Local content. <see cref="Plan"/> is null when the content could not be prepared:
/// the pair then changes nothing but its record, which says why it failed.
/// </summary>
public sealed record PairWork(ProfileRef Profile, ClusterProfileDocument? Document, KubeClient Target, ApplyPlan? Plan, bool DryRun, string? Failure = null)
{
    /// <summary>Why the pair waits (a missing template resource); the pair then changes nothing.</summary>
    public string? Pending { get; init; }

    /// <summary>The pair's record before this sync (for a failed pair, the record that will say it failed).</summary>
    public DeploymentRecord? Previous { get; init; }

    /// <summary>True for the management-cluster pair of deploymentType Local content.</summary>
    public bool Local { get; init; }

    /// <summary>For a withdrawal, why the profile leaves the cluster.</summary>
    public WithdrawalReason? Withdrawal { get; init; }

    /// <summary>False for a failure this fleet must not record (the pair is another fleet's).</summary>
    public bool RecordsFailure { get; init; } = true;

    /// <summary>Retries of the requests made for this pair, while planned and while applied.</summary>
    public RetryCounter Retries { get; init; } = new();
}

/// <summary>Why a profile is withdrawn from a cluster; some reasons are expected, others are guarded (see <see cref="WithdrawalGuard"/>).</summary>
public enum WithdrawalReason
{
    /// <summary>The profile is in the fleet but no longer selects the cluster.</summary>
    NoLongerMatching,

    /// <summary>The cluster is being unregistered.</summary>
    ClusterRemoved,

    /// <summary>The profile was removed with Remove-ClusterProfile (the fleet records the removal).</summary>
    ProfileRemoved,

    /// <summary>The profile is not in the fleet, and nothing says it was removed on purpose.</summary>
    ProfileDisappeared,
}
