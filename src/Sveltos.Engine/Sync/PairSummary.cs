using Sveltos.Engine.Deploy;

namespace Sveltos.Engine.Sync;

public enum PairStatus
{
    Provisioned,
    Unchanged,
    Withdrawn,
    Planned,
    Conflict,
    Failed,
    Skipped,
    Pending,
}

/// <summary>The outcome of one (profile, cluster) pair: what -Summary shows.</summary>
public sealed record PairSummary(string Cluster, ProfileRef Profile, PairStatus Status, IReadOnlyDictionary<ObjectAction, int> Counts, string Message)
{
    /// <summary>Requests retried for this pair (429, 5xx, timeouts); the cluster's shared requests count with its first pair.</summary>
    public int Retries { get; init; }

    public static PairSummary From(string cluster, ProfileRef profile, IReadOnlyList<ObjectResult> results, bool withdrawal, bool planned, string message = "")
    {
        var counts = results.GroupBy(r => r.Action).ToDictionary(g => g.Key, g => g.Count());
        var status =
            results.Any(r => r.Action == ObjectAction.Failed) ? PairStatus.Failed
            : results.Any(r => r.Action == ObjectAction.Conflict) ? PairStatus.Conflict
            : planned ? PairStatus.Planned
            : results.Any(r => r.Action == ObjectAction.Pending) ? PairStatus.Pending
            : withdrawal ? PairStatus.Withdrawn
            : results.Any(r => r.Action.IsChange()) ? PairStatus.Provisioned
            : results.Count > 0 && results.All(r => r.Action == ObjectAction.Skipped) ? PairStatus.Skipped
            : PairStatus.Unchanged;
        return new PairSummary(cluster, profile, status, counts, message);
    }
}
