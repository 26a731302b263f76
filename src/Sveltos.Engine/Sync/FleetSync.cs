using System.Collections.Concurrent;
using Sveltos.Engine.Content;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>
/// Plans a sync of the fleet: for every cluster, what each profile wants there (or that it must be
/// withdrawn), compared with the deployment records the cluster holds; deploymentType Local content
/// is planned against the management cluster, where its records are kept per cluster. Nothing is
/// written here; the returned <see cref="SyncPlan"/> is shown, confirmed and then applied.
/// </summary>
public static class FleetSync
{
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
                observer.ProfileInvalid(problem);
            }
        }

        var (ordered, rejected) = DependencyOrder.Sort(profiles);
        foreach (var (profile, problem) in rejected)
        {
            observer.Warning($"{profile.Identity}: {problem}; it is not synced.");
        }

        var management = (fleet as ManagementClusterFleet)?.Management;
        var localRecords = management is null ? [] : (await DeploymentRecordStore.ListAsync(management, cancellationToken).ConfigureAwait(false)).Where(r => r.Local).ToList();
        var context = new PlanContext(fleet, request, ordered, profiles, fleetProfiles, explicitProfiles, observer, management, localRecords);
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

        return new SyncPlan(work.OrderBy(w => w.Cluster.ToString(), StringComparer.Ordinal).ToList(), ordered, clusters, request, fleet.Description);
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
            var localRecords = context.LocalRecords
                .Where(r => r.Cluster == cluster.ToString())
                .ToDictionary(r => ProfileRefs.Identity(r.Profile), StringComparer.Ordinal);
            var pairs = new List<PairWork>();
            foreach (var profile in matching)
            {
                records.TryGetValue(profile.Identity, out var previous);
                localRecords.TryGetValue(profile.Identity, out var previousLocal);
                pairs.AddRange(await PlanPairAsync(context, client, cluster, profile, previous, previousLocal, cancellationToken).ConfigureAwait(false));
            }

            foreach (var (identity, record) in records.Concat(localRecords))
            {
                if (matching.Any(p => p.Identity == identity) || !(withdrawing || ShouldWithdraw(context, identity)))
                {
                    continue;
                }

                var target = record.Local ? context.Management! : client;
                var inFleet = context.Profiles.FirstOrDefault(p => p.Identity == identity);
                var leave = (inFleet?.Spec.StopMatchingBehavior.ToString() ?? record.StopMatchingBehavior) == nameof(StopMatchingBehavior.LeavePolicies);
                var withdrawal = await Planner.PlanWithdrawalAsync(target, record, leave, cancellationToken).ConfigureAwait(false);
                pairs.Add(new PairWork(record.Profile, inFleet, target, withdrawal, DryRun: false));
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

    /// <summary>The pair for the cluster itself, and one for the management cluster when the profile has Local content.</summary>
    private static async Task<IReadOnlyList<PairWork>> PlanPairAsync(
        PlanContext context,
        KubeClient client,
        FleetCluster cluster,
        ClusterProfileDocument profile,
        DeploymentRecord? previous,
        DeploymentRecord? previousLocal,
        CancellationToken cancellationToken)
    {
        var profileRef = ProfileRefs.Of(profile);
        try
        {
            var content = await ContentPipeline.ResolveAsync(profile, cluster, context.Fleet, token => LiveVersionAsync(client, token), cancellationToken).ConfigureAwait(false);
            var (objects, sources) = content;
            var pairs = new List<PairWork>();
            if (content.Pending.TryGetValue(DeploymentType.Remote, out var remotePending))
            {
                context.Observer.PairPending(cluster.ToString(), profileRef, remotePending);
                pairs.Add(new PairWork(profileRef, profile, client, null, DryRun: false) { Pending = remotePending });
            }
            else
            {
                var remote = objects.Where(o => o.Target == DeploymentType.Remote).ToList();
                pairs.Add(await PlanTargetAsync(client, profile, cluster, remote, sources, previous, local: false, context.Request.Reapply, cancellationToken).ConfigureAwait(false));
            }

            var local = objects.Where(o => o.Target == DeploymentType.Local).ToList();
            if (content.Pending.TryGetValue(DeploymentType.Local, out var localPending))
            {
                context.Observer.PairPending(cluster.ToString(), profileRef, localPending);
                pairs.Add(new PairWork(profileRef, profile, context.Management ?? client, null, DryRun: false) { Pending = localPending });
            }
            else if (local.Count > 0 || previousLocal is not null)
            {
                var management = context.Management ?? throw new ContentException(
                    "LocalDeploymentUnavailable",
                    $"{profile.Identity}: {local.Count} object(s) have deploymentType Local, which deploys to the management cluster; {context.Fleet.Description} has none.",
                    profile.Identity,
                    "Use a management-cluster fleet (Connect-SveltosFleet -Context), or deploy the content Remote.");
                pairs.Add(await PlanTargetAsync(management, profile, cluster, local, sources, previousLocal, local: true, context.Request.Reapply, cancellationToken).ConfigureAwait(false));
            }

            return pairs;
        }
        catch (PendingException pending)
        {
            context.Observer.PairPending(cluster.ToString(), profileRef, pending.Message);
            return [new PairWork(profileRef, profile, client, null, DryRun: false) { Pending = pending.Message }];
        }
        catch (SveltosException ex) when (ex.ErrorId is not ("ClusterUnreachable" or "ClusterTimeout"))
        {
            context.Observer.PairFailed(cluster.ToString(), profileRef, ex);
            return [new PairWork(profileRef, profile, client, null, DryRun: false, ex.Message)];
        }
    }

    private static async Task<string?> LiveVersionAsync(KubeClient client, CancellationToken cancellationToken) =>
        await client.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Plans one target; when the inputs hash as the record does, without a request to the cluster.</summary>
    private static async Task<PairWork> PlanTargetAsync(
        KubeClient target,
        ClusterProfileDocument profile,
        FleetCluster cluster,
        IReadOnlyList<ContentObject> objects,
        IReadOnlyList<SourceVersion> sources,
        DeploymentRecord? previous,
        bool local,
        IReadOnlySet<ObjectKey> reapply,
        CancellationToken cancellationToken)
    {
        var inputHash = ContentHash.Of(profile, objects, sources);
        var desired = previous is { Status: DeploymentStatus.Provisioned } && previous.InputHash == inputHash && reapply.Count == 0
            ? DesiredStateBuilder.Unchanged(profile, cluster.ToString(), local, inputHash, sources)
            : await DesiredStateBuilder.BuildAsync(target, profile, cluster.ToString(), objects, sources, local, inputHash, cancellationToken).ConfigureAwait(false);
        var plan = await Planner.PlanAsync(target, desired, previous, cancellationToken, reapply).ConfigureAwait(false);
        return new PairWork(ProfileRefs.Of(profile), profile, target, plan, desired.IsDryRun);
    }

    private sealed record PlanContext(
        IFleet Fleet,
        SyncRequest Request,
        IReadOnlyList<ClusterProfileDocument> Ordered,
        IReadOnlyList<ClusterProfileDocument> Profiles,
        FleetProfiles FleetProfiles,
        bool ExplicitProfiles,
        ISyncObserver Observer,
        KubeClient? Management,
        IReadOnlyList<DeploymentRecord> LocalRecords);
}
