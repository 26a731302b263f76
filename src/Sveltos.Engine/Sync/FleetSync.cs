using System.Collections.Concurrent;
using Sveltos.Engine.Content;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>
/// Plans a sync of the fleet: for every cluster, what each profile wants there (or that it must be
/// withdrawn), compared with the deployment records the cluster holds. Nothing is written here; the
/// returned <see cref="SyncPlan"/> is shown, confirmed and then applied.
/// </summary>
public static class FleetSync
{
    private static readonly IReadOnlyList<IContentSource> ContentSources = [new PolicyRefSource()];

    public static async Task<SyncPlan> PlanAsync(IFleet fleet, SyncRequest request, ISyncObserver observer, CancellationToken cancellationToken)
    {
        var allClusters = await fleet.GetClustersAsync(cancellationToken).ConfigureAwait(false);
        var clusters = allClusters.Where(c => request.Clusters is null || request.Clusters.Contains(c.ToString())).ToList();
        var fleetProfiles = await fleet.GetProfilesAsync(cancellationToken).ConfigureAwait(false);
        var explicitProfiles = request.Profiles is not null;
        var profiles = request.Profiles ?? fleetProfiles.Profiles;

        if (!explicitProfiles)
        {
            foreach (var problem in fleetProfiles.Problems)
            {
                observer.Warning($"{problem.Message} (this profile is left as deployed until it is fixed)");
            }
        }

        var (ordered, rejected) = DependencyOrder.Sort(profiles);
        foreach (var (profile, problem) in rejected)
        {
            observer.Warning($"{profile.Identity}: {problem}; it is not synced.");
        }

        var context = new PlanContext(fleet, request, ordered, profiles, fleetProfiles, explicitProfiles, observer);
        var work = new ConcurrentBag<ClusterWork>();
        var done = 0;
        observer.Progress("Planning", 0, clusters.Count);
        await Parallel.ForEachAsync(
            clusters,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.ThrottleLimit), CancellationToken = cancellationToken },
            async (cluster, token) =>
            {
                if (await PlanClusterAsync(context, cluster, token).ConfigureAwait(false) is { } planned)
                {
                    work.Add(planned);
                }

                observer.Progress("Planning", Interlocked.Increment(ref done), clusters.Count);
            }).ConfigureAwait(false);

        var plan = new SyncPlan(work.OrderBy(w => w.Cluster.ToString(), StringComparer.Ordinal).ToList(), ordered, clusters, request);
        var deletions = plan.Deletions;
        if (deletions > request.DeletionThreshold && !request.Force)
        {
            plan.Dispose();
            throw new SveltosException(
                "DeletionThresholdExceeded",
                ErrorKind.LimitsExceeded,
                $"This sync would delete {deletions} objects across the fleet, more than the safety threshold of {request.DeletionThreshold}. Nothing was changed.",
                fleet.Description,
                "Review the deletions with -WhatIf; if they are intended, run again with -Force (or raise -DeletionThreshold).");
        }

        return plan;
    }

    private static async Task<ClusterWork?> PlanClusterAsync(PlanContext context, FleetCluster cluster, CancellationToken cancellationToken)
    {
        if (cluster.Paused)
        {
            context.Observer.Verbose($"{cluster}: paused; left untouched.");
            return null;
        }

        var withdrawing = context.Request.Withdrawing.Contains(cluster.ToString());
        var matching = withdrawing ? [] : context.Ordered.Where(p => cluster.Eligible && ProfileMatcher.Matches(p, cluster)).ToList();
        KubeClient? client = null;
        try
        {
            var resolved = await cluster.Connection.ResolveAsync(cancellationToken).ConfigureAwait(false);
            client = KubeClientFactory.Create(resolved);
            var records = (await DeploymentRecordStore.ListAsync(client, cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => ProfileRefs.Identity(r.Profile), StringComparer.Ordinal);
            var pairs = new List<PairWork>();
            foreach (var profile in matching)
            {
                records.TryGetValue(profile.Identity, out var previous);
                if (await PlanPairAsync(context, client, cluster, profile, previous, cancellationToken).ConfigureAwait(false) is { } pair)
                {
                    pairs.Add(pair);
                }
            }

            foreach (var (identity, record) in records)
            {
                if (matching.Any(p => p.Identity == identity) || !(withdrawing || ShouldWithdraw(context, identity)))
                {
                    continue;
                }

                var inFleet = context.Profiles.FirstOrDefault(p => p.Identity == identity);
                var leave = (inFleet?.Spec.StopMatchingBehavior.ToString() ?? record.StopMatchingBehavior) == nameof(StopMatchingBehavior.LeavePolicies);
                var withdrawal = await Planner.PlanWithdrawalAsync(client, record, leave, cancellationToken).ConfigureAwait(false);
                pairs.Add(new PairWork(record.Profile, inFleet, withdrawal, DryRun: false));
            }

            return new ClusterWork(cluster, client, pairs);
        }
        catch (SveltosException ex)
        {
            client?.Dispose();
            context.Observer.ClusterFailed(cluster.ToString(), ex);
            return null;
        }
    }

    /// <summary>A record's profile is withdrawn when the profile is in scope and no longer matches, or was removed from a readable fleet.</summary>
    private static bool ShouldWithdraw(PlanContext context, string identity)
    {
        if (context.Profiles.Any(p => p.Identity == identity))
        {
            return true;
        }

        return !context.ExplicitProfiles && context.FleetProfiles.Complete && !context.FleetProfiles.Exists(identity);
    }

    private static async Task<PairWork?> PlanPairAsync(PlanContext context, KubeClient client, FleetCluster cluster, ClusterProfileDocument profile, DeploymentRecord? previous, CancellationToken cancellationToken)
    {
        var profileRef = ProfileRefs.Of(profile);
        try
        {
            var request = new ContentRequest(profile, cluster, context.Fleet);
            var objects = new List<ContentObject>();
            var sources = new List<SourceVersion>();
            foreach (var source in ContentSources)
            {
                var result = await source.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
                objects.AddRange(result.Objects);
                sources.AddRange(result.Sources);
            }

            var local = objects.Count(o => o.Target == DeploymentType.Local);
            if (local > 0)
            {
                context.Observer.Warning($"{profile.Identity}: {local} object(s) with deploymentType Local are not deployed by this version.");
            }

            var desired = await DesiredStateBuilder.BuildAsync(client, profile, cluster.ToString(), objects.Where(o => o.Target == DeploymentType.Remote).ToList(), sources, cancellationToken).ConfigureAwait(false);
            var plan = await Planner.PlanAsync(client, desired, previous, cancellationToken).ConfigureAwait(false);
            return new PairWork(profileRef, profile, plan, desired.IsDryRun);
        }
        catch (SveltosException ex) when (ex.ErrorId is not ("ClusterUnreachable" or "ClusterTimeout"))
        {
            context.Observer.PairFailed(cluster.ToString(), profileRef, ex);
            return new PairWork(profileRef, profile, null, DryRun: false, ex.Message);
        }
    }

    private sealed record PlanContext(
        IFleet Fleet,
        SyncRequest Request,
        IReadOnlyList<ClusterProfileDocument> Ordered,
        IReadOnlyList<ClusterProfileDocument> Profiles,
        FleetProfiles FleetProfiles,
        bool ExplicitProfiles,
        ISyncObserver Observer);
}
