using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Sync;

namespace Sveltos.Engine.Drift;

/// <summary>
/// Remediates through the sync's own plan → apply path: a sync of one profile on one cluster, which plans
/// the drifted objects against the live cluster (re-rendered from the fleet, with ownership and tiers)
/// and approves nothing else; pending content changes are left to Invoke-ProfileSync. An object found
/// back in the state its record describes is reported as such, never as remediated.
/// </summary>
public sealed class FleetDriftRemediator(Func<IFleet> openFleet, SemaphoreSlim? syncGate = null) : IDriftRemediator
{
    public async Task<IReadOnlyList<ObjectResult>> RemediateAsync(string cluster, ProfileRef profile, IReadOnlySet<ObjectKey> keys, CancellationToken cancellationToken)
    {
        // Shared with a sync running in the same process, so the two never write one record at once.
        if (syncGate is not null)
        {
            await syncGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            using var fleet = openFleet();
            var identity = ProfileRefs.Identity(profile);
            var document = (await fleet.GetProfilesAsync(cancellationToken).ConfigureAwait(false)).Profiles.FirstOrDefault(p => p.Identity == identity);
            if (document is null)
            {
                return keys.Select(k => new ObjectResult(cluster, profile, k, ObjectAction.Skipped, $"{identity} is no longer in {fleet.Description}; not remediated", null)).ToList();
            }

            var observer = new CollectingObserver();
            // A profile that dependsOn others is planned with the whole fleet, so its dependencies count as deployed.
            var request = new SyncRequest { Profiles = document.Spec.DependsOn.Count == 0 ? [document] : null, Clusters = new HashSet<string> { cluster }, ThrottleLimit = 1 };
            using var plan = await FleetSync.PlanAsync(fleet, request, observer, cancellationToken).ConfigureAwait(false);
            if (observer.Failure is { } failure)
            {
                throw failure;
            }

            await plan.ApplyAsync((p, c) => !p.IsWithdrawal && !p.Local && ProfileRefs.Identity(p.Profile) == identity && keys.Contains(c.Key), observer, cancellationToken).ConfigureAwait(false);
            if (observer.Failure is { } applyFailure)
            {
                throw applyFailure;
            }

            var results = observer.Results
                .Where(r => keys.Contains(r.Key) && !r.Local && ProfileRefs.Identity(r.Profile) == identity)
                .Select(r => r is { Action: ObjectAction.Unchanged, Message.Length: 0 } ? r with { Message = "already as the profile declares it (changed back since it was seen); nothing to remediate" } : r)
                .ToList();
            foreach (var missing in keys.Where(k => results.All(r => r.Key != k)))
            {
                results.Add(new ObjectResult(cluster, profile, missing, ObjectAction.Skipped, $"{identity} no longer deploys this object here (or waits for a dependency); not remediated", null));
            }

            return results;
        }
        finally
        {
            syncGate?.Release();
        }
    }

    private sealed class CollectingObserver : ISyncObserver
    {
        private readonly object gate = new();

        public List<ObjectResult> Results { get; } = [];

        public SveltosException? Failure { get; private set; }

        public void Verbose(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Progress(string phase, int completed, int total)
        {
        }

        public void ClusterFailed(string cluster, SveltosException error) => Failure ??= error;

        public void PairFailed(string cluster, ProfileRef profile, SveltosException error) => Failure ??= error;

        public void PairPending(string cluster, ProfileRef profile, string reason)
        {
        }

        public void Result(ObjectResult result)
        {
            lock (gate)
            {
                Results.Add(result);
            }
        }

        public void Summary(PairSummary summary)
        {
        }
    }
}
