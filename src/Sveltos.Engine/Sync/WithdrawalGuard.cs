using Sveltos.Engine.Deploy;

namespace Sveltos.Engine.Sync;

/// <summary>
/// Stops a sync that would withdraw much more than usual, before anything changes. A profile that vanished
/// from the fleet without Remove-ClusterProfile (a wrong branch checked out, an emptied folder) is always
/// guarded; so is a profile that would lose every one of two or more deployments, and a sync that would take
/// away more than half of what the fleet has deployed on the clusters it plans. Removing a profile with
/// Remove-ClusterProfile and unregistering a cluster are intended, and only the absolute deletion threshold
/// applies to them.
/// </summary>
public static class WithdrawalGuard
{
    /// <summary>Why the sync must not go ahead without -Force, or null when it may.</summary>
    /// <param name="deployed">Per profile identity, its deployments with objects on the clusters planned.</param>
    public static string? Check(IEnumerable<(ClusterWork Work, PairWork Pair)> pairs, Func<ApplyPlan, PlannedChange, bool> approve, IReadOnlyDictionary<string, int> deployed)
    {
        var withdrawals = pairs
            .Where(x => x.Pair.Plan is { IsWithdrawal: true } && x.Pair.Withdrawal is WithdrawalReason.NoLongerMatching or WithdrawalReason.ProfileDisappeared)
            .Select(x => (x.Work, x.Pair, Deletions: x.Pair.Plan!.Changes.Count(c => c.Action == ObjectAction.Deleted && approve(x.Pair.Plan, c))))
            .Where(x => x.Deletions > 0)
            .ToList();
        var reasons = new List<string>();
        foreach (var profile in withdrawals.GroupBy(x => ProfileRefs.Identity(x.Pair.Profile)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var clusters = profile.Select(x => x.Work.Cluster.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
            var what = $"{profile.Sum(x => x.Deletions)} object(s) on {Clusters(clusters)}";
            if (profile.Any(x => x.Pair.Withdrawal == WithdrawalReason.ProfileDisappeared))
            {
                reasons.Add($"{profile.Key} is no longer in the fleet and was not removed with Remove-ClusterProfile: withdrawing it would delete {what}");
            }
            else if (deployed.TryGetValue(profile.Key, out var total) && total >= 2 && profile.Count() >= total)
            {
                reasons.Add($"{profile.Key} would no longer select any of the {total} deployments it has: withdrawing it would delete {what}");
            }
        }

        var fleetTotal = deployed.Values.Sum();
        if (withdrawals.Count >= 2 && withdrawals.Count * 2 > fleetTotal)
        {
            reasons.Add($"{withdrawals.Count} of the fleet's {fleetTotal} deployments on these clusters would be withdrawn, more than half");
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons.Distinct());
    }

    private static string Clusters(IReadOnlyList<string> clusters) =>
        clusters.Count <= 5 ? $"cluster(s) {string.Join(", ", clusters)}" : $"{clusters.Count} clusters ({string.Join(", ", clusters.Take(5))}, ...)";
}
