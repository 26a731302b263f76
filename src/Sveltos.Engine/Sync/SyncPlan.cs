using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>
/// A planned sync of the fleet. It lists every change (for -WhatIf and -Confirm), can report itself
/// as planned results, and applies the approved changes cluster by cluster, profiles in dependency
/// order, withdrawals last and in reverse order.
/// </summary>
public sealed class SyncPlan : IDisposable
{
    private readonly IReadOnlyList<ClusterProfileDocument> ordered;
    private readonly SyncRequest request;
    private readonly Dictionary<string, SemaphoreSlim> maxUpdate = new(StringComparer.Ordinal);

    internal SyncPlan(IReadOnlyList<ClusterWork> work, IReadOnlyList<ClusterProfileDocument> ordered, IReadOnlyList<FleetCluster> clusters, SyncRequest request, SyncScope scope)
    {
        Scope = scope;
        Work = work;
        this.ordered = ordered;
        this.request = request;
        Clusters = clusters;
        foreach (var profile in ordered.Where(p => p.Spec.MaxUpdate is not null))
        {
            var matching = work.Count(w => w.Pairs.Any(p => p.Document == profile && p.Plan is { IsWithdrawal: false }));
            var limit = profile.Spec.MaxUpdate!.Value;
            var slots = limit.IsPercentage ? (int)Math.Ceiling(matching * limit.Value / 100.0) : limit.Value;
            maxUpdate[profile.Identity] = new SemaphoreSlim(Math.Max(1, slots));
        }
    }

    public IReadOnlyList<ClusterWork> Work { get; }

    public IReadOnlyList<FleetCluster> Clusters { get; }

    public SyncScope Scope { get; }

    private string FleetDescription => Scope.Fleet.Description;

    /// <summary>Every change that needs approval, with the plan it belongs to.</summary>
    public IEnumerable<(ApplyPlan Plan, PlannedChange Change)> Changes =>
        Applicable().Where(x => x.Pair.Plan!.Blocked is null).SelectMany(x => x.Pair.Plan!.Changes.Where(c => c.IsChange).Select(c => (x.Pair.Plan!, c)));

    /// <summary>Reports the plan as results in their planned form (WouldCreate ...), with diffs, changing nothing.</summary>
    public Task ReportPlannedAsync(ISyncObserver observer, CancellationToken cancellationToken)
    {
        if (!request.Force && WithdrawalGuard.Check(Applicable(), (_, _) => true, Scope.Deployed) is { } guarded)
        {
            observer.Warning($"A real sync would stop without -Force: {guarded}.");
        }

        return ForEachClusterAsync(observer, "Planning", (work, token) => ReportClusterAsync(work, observer, token), cancellationToken);
    }

    /// <summary>
    /// Applies the changes <paramref name="approve"/> accepts; DryRun profiles are reported as planned.
    /// Refuses, changing nothing, when the approved deletions exceed the request's threshold or the
    /// withdrawals are more than usual (<see cref="WithdrawalGuard"/>), unless the request forces it.
    /// </summary>
    public async Task ApplyAsync(Func<ApplyPlan, PlannedChange, bool> approve, ISyncObserver observer, CancellationToken cancellationToken)
    {
        var deletions = Changes.Count(x => x.Change.Action == ObjectAction.Deleted && approve(x.Plan, x.Change));
        if (deletions > request.DeletionThreshold && !request.Force)
        {
            throw new SveltosException(
                "DeletionThresholdExceeded",
                ErrorKind.LimitsExceeded,
                $"This sync would delete {deletions} objects across {FleetDescription}, more than the safety threshold of {request.DeletionThreshold}. Nothing was changed.",
                FleetDescription,
                "Review the deletions with -WhatIf; if they are intended, run again with -Force (or raise -DeletionThreshold).");
        }

        if (!request.Force && WithdrawalGuard.Check(Applicable(), approve, Scope.Deployed) is { } guarded)
        {
            await ReportWithdrawalsAsync(observer, cancellationToken).ConfigureAwait(false);
            throw new SveltosException(
                "WithdrawalNeedsForce",
                ErrorKind.LimitsExceeded,
                $"This sync would withdraw much more than usual from {FleetDescription}: {guarded}. Nothing was changed.",
                FleetDescription,
                "Check that this is the fleet and branch you meant (the planned withdrawals are listed above); if they are intended, run again with -Force, or remove profiles with Remove-ClusterProfile, which records the removal.");
        }

        var owner = Scope.Owner;
        if (Scope.ProvisionalIdentity && Work.Any(w => w.Pairs.Any(p => p.Plan is not null || p.Failure is not null)))
        {
            owner = owner with { Fleet = (await Scope.Fleet.EnsureIdentityAsync(cancellationToken).ConfigureAwait(false)).Name };
        }

        await ForEachClusterAsync(observer, "Applying", (work, token) => ApplyClusterAsync(work, owner, approve, observer, token), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var work in Work)
        {
            work.Client.Dispose();
        }

        foreach (var semaphore in maxUpdate.Values)
        {
            semaphore.Dispose();
        }
    }

    private IEnumerable<(ClusterWork Work, PairWork Pair)> Applicable() =>
        Work.SelectMany(w => w.Pairs.Where(p => p.Plan is not null && !p.DryRun).Select(p => (w, p)));

    private async Task ForEachClusterAsync(ISyncObserver observer, string phase, Func<ClusterWork, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var done = 0;
        observer.Progress(phase, 0, Work.Count);
        await Parallel.ForEachAsync(
            Work,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.ThrottleLimit), CancellationToken = cancellationToken },
            async (work, token) =>
            {
                try
                {
                    await action(work, token).ConfigureAwait(false);
                }
                catch (SveltosException ex)
                {
                    observer.ClusterFailed(work.Cluster.ToString(), ex);
                }

                observer.Progress(phase, Interlocked.Increment(ref done), Work.Count);
            }).ConfigureAwait(false);
    }

    private static async Task ReportClusterAsync(ClusterWork work, ISyncObserver observer, CancellationToken cancellationToken)
    {
        foreach (var pair in work.Pairs)
        {
            await ReportPairAsync(work, pair, observer, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ReportPairAsync(ClusterWork work, PairWork pair, ISyncObserver observer, CancellationToken cancellationToken)
    {
        if (pair.Plan is null)
        {
            var status = pair.Pending is null ? PairStatus.Failed : PairStatus.Pending;
            observer.Summary(Counted(work, pair, new PairSummary(work.Cluster.ToString(), pair.Profile, status, new Dictionary<ObjectAction, int>(), pair.Pending ?? pair.Failure ?? "")));
            return;
        }

        var results = new List<ObjectResult>();
        foreach (var change in pair.Plan.Changes)
        {
            var diff = !change.IsChange ? null
                : Deploy.Releases.ReleaseValuesDiff.For(pair.Plan, change) ?? await ObjectDiffer.DiffAsync(pair.Target, change, cancellationToken).ConfigureAwait(false);
            var message = change.Action == ObjectAction.Conflict || pair.Plan.Blocked is null ? change.Message : pair.Plan.Blocked;
            var result = new ObjectResult(work.Cluster.ToString(), pair.Profile, change.Key, change.Action.Planned(), message, change, diff) { Local = pair.Plan.Local };
            results.Add(result);
            observer.Result(result);
        }

        observer.Summary(Counted(work, pair, PairSummary.From(work.Cluster.ToString(), pair.Profile, results, pair.Plan.IsWithdrawal, planned: true, pair.Plan.Blocked ?? "")));
    }

    /// <summary>The withdrawals a guarded sync would have made, in their planned form, so the refusal shows what it refused.</summary>
    private async Task ReportWithdrawalsAsync(ISyncObserver observer, CancellationToken cancellationToken)
    {
        foreach (var (work, pair) in Applicable().Where(x => x.Pair.Plan!.IsWithdrawal))
        {
            await ReportPairAsync(work, pair, observer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The summary with the pair's retries, and the cluster's shared ones on the first pair reported.</summary>
    private static PairSummary Counted(ClusterWork work, PairWork pair, PairSummary summary) =>
        summary with { Retries = pair.Retries.Take() + work.SharedRetries.Take() };

    private async Task ApplyClusterAsync(ClusterWork work, RecordOwner owner, Func<ApplyPlan, PlannedChange, bool> approve, ISyncObserver observer, CancellationToken cancellationToken)
    {
        using var counting = RetryLog.CountInto(work.SharedRetries);
        var outcomes = new Dictionary<string, bool>(StringComparer.Ordinal);
        var deployments = work.Pairs.Where(p => p.Plan is not { IsWithdrawal: true });
        var withdrawals = work.Pairs.Where(p => p.Plan is { IsWithdrawal: true }).Reverse();
        foreach (var pair in deployments.Concat(withdrawals))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var identity = ProfileRefs.Identity(pair.Profile);
            if (pair.Plan is null || pair.DryRun)
            {
                Record(outcomes, identity, false);
                if (pair is { Plan: null, Failure: { } failure, RecordsFailure: true })
                {
                    await RecordFailureAsync(work, pair, failure, owner, observer, cancellationToken).ConfigureAwait(false);
                }

                await ReportPairAsync(work, pair, observer, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!pair.Plan.IsWithdrawal && WaitingFor(work, pair, outcomes) is { } dependency)
            {
                Record(outcomes, identity, false);
                var results = pair.Plan.Changes.Select(c => new ObjectResult(work.Cluster.ToString(), pair.Profile, c.Key, ObjectAction.Pending, $"waiting for dependency {dependency}", c) { Local = pair.Plan.Local }).ToList();
                results.ForEach(observer.Result);
                observer.Summary(Counted(work, pair, new PairSummary(work.Cluster.ToString(), pair.Profile, PairStatus.Pending, new Dictionary<ObjectAction, int>(), $"waiting for dependency {dependency}")));
                continue;
            }

            var applied = await ApplyPairAsync(pair, owner, approve, cancellationToken).ConfigureAwait(false);
            applied.ForEach(observer.Result);
            var summary = PairSummary.From(work.Cluster.ToString(), pair.Profile, applied, pair.Plan.IsWithdrawal, planned: false, pair.Plan.Blocked ?? "");
            Record(outcomes, identity, summary.Status is PairStatus.Provisioned or PairStatus.Unchanged);
            observer.Summary(Counted(work, pair, summary));
        }
    }

    // A profile with Local content has two pairs per cluster; it is deployed only when both are.
    private static void Record(Dictionary<string, bool> outcomes, string identity, bool deployed) =>
        outcomes[identity] = deployed && (!outcomes.TryGetValue(identity, out var earlier) || earlier);

    /// <summary>A pair whose content failed keeps its objects, and its record says it failed (Get-ClusterSummary shows why).</summary>
    private static async Task RecordFailureAsync(ClusterWork work, PairWork pair, string failure, RecordOwner owner, ISyncObserver observer, CancellationToken cancellationToken)
    {
        try
        {
            await Applier.RecordFailureAsync(pair.Target, new ApplyFailure(pair.Profile, work.Cluster.ToString(), pair.Local, pair.Previous, failure), owner, cancellationToken).ConfigureAwait(false);
        }
        catch (SveltosException ex)
        {
            observer.Warning($"{work.Cluster}: the failure of {ProfileRefs.Identity(pair.Profile)} could not be recorded: {ex.Message}");
        }
    }

    private async Task<List<ObjectResult>> ApplyPairAsync(PairWork pair, RecordOwner owner, Func<ApplyPlan, PlannedChange, bool> approve, CancellationToken cancellationToken)
    {
        var plan = pair.Plan!;
        using var counting = RetryLog.CountInto(pair.Retries);
        var limiter = plan.HasChanges && !plan.IsWithdrawal && maxUpdate.TryGetValue(ProfileRefs.Identity(pair.Profile), out var semaphore) ? semaphore : null;
        if (limiter is not null)
        {
            await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return (await Applier.ApplyAsync(pair.Target, plan, owner, change => approve(plan, change), cancellationToken).ConfigureAwait(false)).ToList();
        }
        finally
        {
            limiter?.Release();
        }
    }

    /// <summary>The first dependency of the pair's profile that is not deployed on this cluster, or null.</summary>
    private string? WaitingFor(ClusterWork work, PairWork pair, Dictionary<string, bool> outcomes)
    {
        foreach (var dependency in pair.Document?.Spec.DependsOn ?? [])
        {
            var identity = $"ClusterProfile/{dependency}";
            if (!outcomes.TryGetValue(identity, out var deployed) || !deployed)
            {
                return ordered.Any(p => p.Identity == identity) || work.Pairs.Any(p => ProfileRefs.Identity(p.Profile) == identity)
                    ? $"ClusterProfile {dependency}"
                    : $"ClusterProfile {dependency} (not in the fleet)";
            }
        }

        return null;
    }
}
