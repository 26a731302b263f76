using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>What a sync will do on one cluster: its pairs in dependency order, and the open connection.</summary>
public sealed record ClusterWork(FleetCluster Cluster, KubeClient Client, IReadOnlyList<PairWork> Pairs);

/// <summary>
/// One (profile, cluster) pair and where it deploys: the cluster itself, or the management cluster for
/// deploymentType Local content. <see cref="Plan"/> is null when the content could not be prepared:
/// the pair then changes nothing.
/// </summary>
public sealed record PairWork(ProfileRef Profile, ClusterProfileDocument? Document, KubeClient Target, ApplyPlan? Plan, bool DryRun, string? Failure = null)
{
    /// <summary>Why the pair waits (a missing template resource); the pair then changes nothing.</summary>
    public string? Pending { get; init; }
}
