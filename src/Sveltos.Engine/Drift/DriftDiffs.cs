using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Sync;

namespace Sveltos.Engine.Drift;

/// <summary>
/// What remediating drifted objects would change, as diffs: the same plan a remediation makes (the
/// objects re-rendered from the fleet), shown the way -WhatIf shows a sync, changing nothing.
/// </summary>
public static class DriftDiffs
{
    public static async Task<IReadOnlyDictionary<ObjectKey, string>> ComputeAsync(IFleet fleet, string cluster, ProfileRef profile, IReadOnlySet<ObjectKey> keys, CancellationToken cancellationToken)
    {
        var identity = ProfileRefs.Identity(profile);
        var document = (await fleet.GetProfilesAsync(cancellationToken).ConfigureAwait(false)).Profiles.FirstOrDefault(p => p.Identity == identity);
        var diffs = new Dictionary<ObjectKey, string>();
        if (document is null)
        {
            return diffs;
        }

        var request = new SyncRequest { Profiles = [document], Clusters = new HashSet<string> { cluster }, ThrottleLimit = 1 };
        using var plan = await FleetSync.PlanAsync(fleet, request, NullSyncObserver.Instance, cancellationToken).ConfigureAwait(false);
        foreach (var pair in plan.Work.SelectMany(w => w.Pairs).Where(p => p.Plan is { IsWithdrawal: false, Local: false }))
        {
            foreach (var change in pair.Plan!.Changes.Where(c => c.IsChange && keys.Contains(c.Key)))
            {
                diffs[change.Key] = await ObjectDiffer.DiffAsync(pair.Target, change, cancellationToken).ConfigureAwait(false);
            }
        }

        return diffs;
    }

    private sealed class NullSyncObserver : ISyncObserver
    {
        public static readonly NullSyncObserver Instance = new();

        public void Verbose(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Progress(string phase, int completed, int total)
        {
        }

        public void ClusterFailed(string cluster, SveltosException error)
        {
        }

        public void PairFailed(string cluster, ProfileRef profile, SveltosException error)
        {
        }

        public void PairPending(string cluster, ProfileRef profile, string reason)
        {
        }

        public void Result(ObjectResult result)
        {
        }

        public void Summary(PairSummary summary)
        {
        }
    }
}
