using System.Collections.Concurrent;
using Sveltos.Engine.Content;
using Sveltos.Engine.Content.Helm;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Engine.Sync;

/// <summary>
/// Plans a sync of the fleet: for every cluster, what each profile wants there (or that it must be
/// withdrawn), compared with what is live and with the deployment records this fleet wrote there;
/// deploymentType Local content is planned against the management cluster, where its records are kept
/// per cluster. Nothing is written here; the returned <see cref="SyncPlan"/> is shown, confirmed and
/// then applied.
/// </summary>
public static class FleetSync
{
    public static async Task<SyncPlan> PlanAsync(IFleet fleet, SyncRequest request, ISyncObserver observer, CancellationToken cancellationToken)
    {
        var (identity, provisional) = await IdentityAsync(fleet, cancellationToken).ConfigureAwait(false);
        var owner = new RecordOwner(identity.Name, fleet.Description);
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

        var (sorted, rejected) = DependencyOrder.Sort(profiles);
        foreach (var (profile, problem) in rejected)
        {
            observer.Warning($"{profile.Identity}: {problem}; it is not synced, and what it deployed is left as it is.");
        }

        foreach (var paused in sorted.Where(p => p.IsPaused))
        {
            observer.Verbose($"{paused.Identity}: paused ({ClusterProfileDocument.PausedAnnotation}); nothing of it is deployed or withdrawn.");
        }

        var ordered = sorted.Where(p => !p.IsPaused).ToList();

        var management = (fleet.Underlying() as ManagementClusterFleet)?.Management;
        var localRecords = management is null ? [] : (await DeploymentRecordStore.ListAsync(management, cancellationToken).ConfigureAwait(false)).Where(r => r.Local).ToList();
        var context = new PlanContext(fleet, request, ordered, profiles, fleetProfiles, explicitProfiles, observer, management, localRecords, owner, identity);
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

        ReportUnreached(context, work);
        return new SyncPlan(
            work.OrderBy(w => w.Cluster.ToString(), StringComparer.Ordinal).ToList(),
            ordered,
            clusters,
            request,
            new SyncScope(fleet, owner, provisional, context.Deployed.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)));
    }

    /// <summary>
    /// The fleet's identity. A management cluster without one gets it when the sync first writes (planning writes
    /// nothing, so -WhatIf stays read-only); any other fleet without one cannot sync.
    /// </summary>
    private static async Task<(FleetIdentity Identity, bool Provisional)> IdentityAsync(IFleet fleet, CancellationToken cancellationToken)
    {
        if (await fleet.GetIdentityAsync(cancellationToken).ConfigureAwait(false) is { } identity)
        {
            return (identity, false);
        }

        if (fleet.Underlying() is ManagementClusterFleet management)
        {
            return (new FleetIdentity(FleetIdentity.NewName(management.Management.ClusterName), new SortedSet<string>(StringComparer.Ordinal)), true);
        }

        return (await fleet.EnsureIdentityAsync(cancellationToken).ConfigureAwait(false), false);
    }

    private static async Task<ClusterWork?> PlanClusterAsync(PlanContext context, FleetCluster cluster, CancellationToken cancellationToken)
    {
        if (cluster.Paused)
        {
            context.Observer.Verbose($"{cluster}: paused; left untouched.");
            return null;
        }

        var withdrawing = context.Request.Withdrawing.Contains(cluster.ToString());
        if (!cluster.Ready && !withdrawing)
        {
            // A cluster that is not ready may be down for a moment: it gets nothing new and loses nothing.
            context.Observer.Verbose($"{cluster}: not ready; left untouched.");
            return null;
        }

        var matching = withdrawing ? [] : context.Ordered.Where(p => ProfileMatcher.Matches(p, cluster)).ToList();
        var sharedRetries = new RetryCounter();
        using var counting = RetryLog.CountInto(sharedRetries);
        KubeClient? client = null;
        try
        {
            var resolved = await cluster.Connection.ResolveAsync(cancellationToken).ConfigureAwait(false);
            client = KubeClientFactory.Create(resolved);
            var records = Records.Of(await DeploymentRecordStore.ListAsync(client, cancellationToken).ConfigureAwait(false), context.Owner);
            var localRecords = Records.Of(context.LocalRecords.Where(r => r.Cluster == cluster.ToString()), context.Owner);
            var targets = new Targets(new LiveObjects(client), context.Management is { } management ? new LiveObjects(management) : null);
            context.Count(records.Own.Values.Concat(localRecords.Own.Values));

            var pairs = new List<PairWork>();
            foreach (var profile in matching)
            {
                if (records.Foreign.TryGetValue(profile.Identity, out var foreign) || localRecords.Foreign.TryGetValue(profile.Identity, out foreign))
                {
                    pairs.Add(ForeignPair(context, cluster, profile, foreign, client));
                    continue;
                }

                pairs.AddRange(await PlanPairAsync(context, targets, cluster, profile, records.Mine(profile.Identity), localRecords.Mine(profile.Identity), cancellationToken).ConfigureAwait(false));
            }

            foreach (var (identity, record) in records.Own.Concat(localRecords.Own))
            {
                if (matching.Any(p => p.Identity == identity) || (withdrawing ? WithdrawalReason.ClusterRemoved : Reason(context, identity)) is not { } reason)
                {
                    continue;
                }

                var live = record.Local ? targets.Local! : targets.Remote;
                var inFleet = context.Profiles.FirstOrDefault(p => p.Identity == identity);
                var leave = (inFleet?.Spec.StopMatchingBehavior.ToString() ?? record.StopMatchingBehavior) == nameof(StopMatchingBehavior.LeavePolicies);
                var withdrawal = await Planner.PlanWithdrawalAsync(live, record, leave, cancellationToken).ConfigureAwait(false);
                pairs.Add(new PairWork(record.Profile, inFleet, live.Client, withdrawal, DryRun: false) { Previous = record, Local = record.Local, Withdrawal = reason });
            }

            ReportOthers(context, cluster, matching, records, localRecords, withdrawing);
            return new ClusterWork(cluster, client, pairs) { SharedRetries = sharedRetries };
        }
        catch (SveltosException ex)
        {
            client?.Dispose();
            context.Observer.ClusterFailed(cluster.ToString(), ex);
            return null;
        }
    }

    /// <summary>
    /// A profile that reaches its clusters only through a field the module does not support (setRefs) matches none,
    /// so no cluster would report it: it is reported once for the fleet.
    /// </summary>
    private static void ReportUnreached(PlanContext context, IEnumerable<ClusterWork> work)
    {
        var reached = work.SelectMany(w => w.Pairs).Select(p => ProfileRefs.Identity(p.Profile)).ToHashSet(StringComparer.Ordinal);
        foreach (var profile in context.Ordered.Where(p => p.Spec.SetRefs.Count > 0 && !reached.Contains(p.Identity)))
        {
            foreach (var problem in UnsupportedFields.Find(profile).Where(p => p.FieldPath.StartsWith("spec.setRefs", StringComparison.Ordinal)))
            {
                context.Observer.ProfileInvalid(problem with { Problem = $"{problem.Problem} No cluster is reached through it." });
            }
        }
    }

    /// <summary>Why one of this fleet's deployments leaves the cluster, or null when it stays.</summary>
    private static WithdrawalReason? Reason(PlanContext context, string identity)
    {
        if (context.Profiles.Any(p => p.Identity == identity))
        {
            // A profile held back (paused, or in a dependsOn cycle) is left as deployed, like an invalid one.
            return context.Ordered.Any(p => p.Identity == identity) ? WithdrawalReason.NoLongerMatching : null;
        }

        if (context.ExplicitProfiles || !context.FleetProfiles.Complete || context.FleetProfiles.Exists(identity))
        {
            return null;
        }

        return context.Identity.RemovedProfiles.Contains(identity) ? WithdrawalReason.ProfileRemoved : WithdrawalReason.ProfileDisappeared;
    }

    /// <summary>Records this fleet leaves alone: another fleet's, and those written before fleets had identities.</summary>
    private static void ReportOthers(PlanContext context, FleetCluster cluster, IReadOnlyList<ClusterProfileDocument> matching, Records records, Records localRecords, bool withdrawing)
    {
        foreach (var record in records.Foreign.Values.Concat(localRecords.Foreign.Values).Where(r => matching.All(p => p.Identity != ProfileRefs.Identity(r.Profile))))
        {
            context.Observer.Verbose($"{cluster}: {ProfileRefs.Identity(record.Profile)} belongs to fleet '{record.Fleet}' ({record.FleetDescription}); left alone.");
        }

        foreach (var (identity, record) in records.Legacy.Concat(localRecords.Legacy))
        {
            if (matching.All(p => p.Identity != identity) && (withdrawing || Reason(context, identity) is not null))
            {
                context.Observer.Warning($"{cluster}: {identity} was deployed by an earlier version of the module, whose records name no fleet; it is not withdrawn. Remove its objects and the record {DeploymentRecordStore.Namespace}/{DeploymentRecordStore.RecordName(record.Profile, record.Local ? record.Cluster : null)} by hand if it is no longer wanted.");
            }
        }
    }

    private static PairWork ForeignPair(PlanContext context, FleetCluster cluster, ClusterProfileDocument profile, DeploymentRecord foreign, KubeClient client)
    {
        var profileRef = ProfileRefs.Of(profile);
        var error = Located(
            context,
            profile,
            new SveltosException(
                "FleetConflict",
                ErrorKind.Conflict,
                $"Cluster '{cluster}': {profile.Identity} is deployed there by fleet '{foreign.Fleet}' ({foreign.FleetDescription}); {context.Owner.Description} (fleet '{context.Owner.Fleet}') leaves it alone.",
                cluster.ToString(),
                "If both are the same fleet, give them the same identity (fleet.yaml metadata.name, or ConfigMap projectsveltos/sveltos-fleet data.name); otherwise rename one of the profiles."));
        context.Observer.PairFailed(cluster.ToString(), profileRef, error);
        return new PairWork(profileRef, profile, client, null, DryRun: false, error.Message) { RecordsFailure = false };
    }

    /// <summary>The pair for the cluster itself, and one for the management cluster when the profile has Local content.</summary>
    private static async Task<IReadOnlyList<PairWork>> PlanPairAsync(
        PlanContext context,
        Targets targets,
        FleetCluster cluster,
        ClusterProfileDocument profile,
        DeploymentRecord? previous,
        DeploymentRecord? previousLocal,
        CancellationToken cancellationToken)
    {
        var profileRef = ProfileRefs.Of(profile);
        var client = targets.Remote.Client;
        var retries = new RetryCounter();
        using var counting = RetryLog.CountInto(retries);
        PairWork Failed(SveltosException error)
        {
            context.Observer.PairFailed(cluster.ToString(), profileRef, Located(context, profile, error));
            return new PairWork(profileRef, profile, client, null, DryRun: false, error.Message) { Previous = previous, Retries = retries };
        }

        var unsupported = UnsupportedFields.Find(profile);
        if (unsupported.Count > 0)
        {
            // Each field is its own error; the pair fails as a whole, so nothing of the profile changes on the cluster.
            foreach (var problem in unsupported.Skip(1))
            {
                context.Observer.PairFailed(cluster.ToString(), profileRef, NotSupported(context, cluster, profile, problem));
            }

            return [Failed(NotSupported(context, cluster, profile, unsupported[0]))];
        }

        try
        {
            var content = await ContentPipeline.ResolveAsync(
                profile,
                cluster,
                context.Fleet,
                token => LiveVersionAsync(client, token),
                cancellationToken,
                request => request with
                {
                    Charts = context.Charts,
                    HelmReleases = (ns, name, token) => HelmReleaseHistory.ReadAsync(client, ns, name, token),
                    Lookup = (apiVersion, kind, ns, name, token) => HelmLookup.FindAsync(client, apiVersion, kind, ns, name, token),
                    ApiVersions = async token => await client.GetServedApiVersionsAsync(token).ConfigureAwait(false),
                    Verbose = context.Observer.Verbose,
                }).ConfigureAwait(false);
            var (objects, sources) = content;
            var pairs = new List<PairWork>();
            if (content.Pending.TryGetValue(DeploymentType.Remote, out var remotePending))
            {
                context.Observer.PairPending(cluster.ToString(), profileRef, remotePending);
                pairs.Add(new PairWork(profileRef, profile, client, null, DryRun: false) { Pending = remotePending, Retries = retries });
            }
            else
            {
                var remote = objects.Where(o => o.Target == DeploymentType.Remote).ToList();
                pairs.Add(await PlanTargetAsync(targets.Remote, profile, cluster, remote, sources, content, previous, local: false, cancellationToken).ConfigureAwait(false) with { Retries = retries });
            }

            var local = objects.Where(o => o.Target == DeploymentType.Local).ToList();
            if (content.Pending.TryGetValue(DeploymentType.Local, out var localPending))
            {
                context.Observer.PairPending(cluster.ToString(), profileRef, localPending);
                pairs.Add(new PairWork(profileRef, profile, context.Management ?? client, null, DryRun: false) { Pending = localPending, Local = true });
            }
            else if (local.Count > 0 || previousLocal is not null)
            {
                var management = targets.Local ?? throw new ContentException(
                    "LocalDeploymentUnavailable",
                    $"{profile.Identity}: {local.Count} object(s) have deploymentType Local, which deploys to the management cluster; {context.Fleet.Description} has none.",
                    profile.Identity,
                    "Use a management-cluster fleet (Connect-SveltosFleet -Context), or deploy the content Remote.");
                pairs.Add(await PlanTargetAsync(management, profile, cluster, local, sources, null, previousLocal, local: true, cancellationToken).ConfigureAwait(false));
            }

            return pairs;
        }
        catch (PendingException pending)
        {
            context.Observer.PairPending(cluster.ToString(), profileRef, pending.Message);
            return [new PairWork(profileRef, profile, client, null, DryRun: false) { Pending = pending.Message, Retries = retries }];
        }
        catch (SveltosException ex) when (ex.ErrorId is not ("ClusterUnreachable" or "ClusterTimeout"))
        {
            return [Failed(ex)];
        }
    }

    private static async Task<string?> LiveVersionAsync(KubeClient client, CancellationToken cancellationToken) =>
        await client.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);

    private static SveltosException NotSupported(PlanContext context, FleetCluster cluster, ClusterProfileDocument profile, ProfileProblem problem) =>
        new(
            problem.ErrorId,
            ErrorKind.NotImplemented,
            $"Cluster '{cluster}': {profile.Identity} {problem.FieldPath}: {problem.Problem}",
            cluster.ToString(),
            "Remove the field from the profile to deploy the rest, or keep it until this module supports it; nothing of the profile changes on the cluster meanwhile.")
        {
            SourceFile = ProfileLocation.File(context.Fleet, profile),
            SourceLine = problem.Line ?? profile.Line,
        };

    /// <summary>Points an error about a profile at the profile's file and line, when it came from a file and the error names none.</summary>
    private static SveltosException Located(PlanContext context, ClusterProfileDocument profile, SveltosException error)
    {
        if (error.SourceFile is null && ProfileLocation.File(context.Fleet, profile) is { } file)
        {
            error.SourceFile = file;
            error.SourceLine = profile.Line;
        }

        return error;
    }

    /// <summary>
    /// Plans one target. When the inputs hash as the record does and the live objects are as the record says
    /// they were left, nothing is built: one LIST per kind answers.
    /// </summary>
    private static async Task<PairWork> PlanTargetAsync(
        LiveObjects live,
        ClusterProfileDocument profile,
        FleetCluster cluster,
        IReadOnlyList<ContentObject> objects,
        IReadOnlyList<SourceVersion> sources,
        ContentResult? helm,
        DeploymentRecord? previous,
        bool local,
        CancellationToken cancellationToken)
    {
        var inputHash = ContentHash.Of(profile, objects, sources);
        var sealInputs = objects.Any(o => RecordSeal.Protects(ObjectKey.Of(o.Object))) || sources.Any(s => s.Kind == "Secret");
        var profileRef = ProfileRefs.Of(profile);
        var seal = await live.SealForAsync(previous, cancellationToken).ConfigureAwait(false);
        if (previous is { Status: DeploymentStatus.Provisioned } && seal.Matches(previous.InputHash, inputHash) == true)
        {
            var recorded = DesiredStateBuilder.Unchanged(profile, cluster.ToString(), local, inputHash, sources) with { SealInputs = sealInputs, HelmReleases = helm?.HelmReleases ?? [], HelmOptions = helm?.HelmOptions ?? [] };
            if (recorded.IsOneTime)
            {
                return Pair(await Planner.PlanAsync(live, recorded, previous, cancellationToken).ConfigureAwait(false));
            }

            if (await Planner.IsInSyncAsync(live, previous, cancellationToken).ConfigureAwait(false))
            {
                return Pair(Planner.UnchangedAsRecorded(recorded, previous, ObjectAction.Unchanged, "", seal));
            }
        }

        var desired = await DesiredStateBuilder.BuildAsync(live.Client, profile, cluster.ToString(), objects, sources, local, inputHash, cancellationToken).ConfigureAwait(false) with { SealInputs = sealInputs, HelmReleases = helm?.HelmReleases ?? [], HelmOptions = helm?.HelmOptions ?? [] };
        return Pair(await Planner.PlanAsync(live, desired, previous, cancellationToken).ConfigureAwait(false));

        PairWork Pair(ApplyPlan plan) =>
            new(profileRef, profile, live.Client, plan with { Local = local }, plan.Desired?.IsDryRun ?? false) { Previous = previous, Local = local };
    }

    /// <summary>Where a cluster's plans read live objects: the cluster, and the management cluster for Local content.</summary>
    private sealed record Targets(LiveObjects Remote, LiveObjects? Local);

    /// <summary>A cluster's records, by profile identity: this fleet's, another fleet's, and those that name no fleet.</summary>
    private sealed record Records(
        IReadOnlyDictionary<string, DeploymentRecord> Own,
        IReadOnlyDictionary<string, DeploymentRecord> Foreign,
        IReadOnlyDictionary<string, DeploymentRecord> Legacy)
    {
        public static Records Of(IEnumerable<DeploymentRecord> records, RecordOwner owner)
        {
            var all = records.ToList();
            Dictionary<string, DeploymentRecord> Where(Func<DeploymentRecord, bool> predicate) =>
                all.Where(predicate).ToDictionary(r => ProfileRefs.Identity(r.Profile), StringComparer.Ordinal);
            return new(Where(owner.Owns), Where(r => r.Fleet is { Length: > 0 } && !owner.Owns(r)), Where(r => r.Fleet is null or ""));
        }

        /// <summary>The record a deployment of the profile continues: this fleet's, or one from before fleet identities (claimed by the write).</summary>
        public DeploymentRecord? Mine(string identity) =>
            Own.TryGetValue(identity, out var own) ? own : Legacy.GetValueOrDefault(identity);
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
        IReadOnlyList<DeploymentRecord> LocalRecords,
        RecordOwner Owner,
        FleetIdentity Identity)
    {
        /// <summary>The sync's chart fetcher: each chart version is downloaded once for the whole fleet.</summary>
        public HelmChartExpander Charts { get; } = new(new ChartFetcher(new ChartCache()), ContentRequest.SharedRenderer);

        /// <summary>How many (cluster, target) deployments with objects each profile of this fleet has, across the clusters planned.</summary>
        public ConcurrentDictionary<string, int> Deployed { get; } = new(StringComparer.Ordinal);

        public void Count(IEnumerable<DeploymentRecord> own)
        {
            foreach (var record in own.Where(r => r.Objects.Count > 0))
            {
                Deployed.AddOrUpdate(ProfileRefs.Identity(record.Profile), 1, (_, n) => n + 1);
            }
        }
    }
}
