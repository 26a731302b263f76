using System.Text.Json.Nodes;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Compares what a profile wants with what is live, using the deployment record to know what the last apply
/// left: an object deleted or changed out of band is planned again, an object as it was left is Unchanged.
/// Live objects come from <see cref="LiveObjects"/>: one LIST per kind and cluster, no write when nothing differs.
/// </summary>
public static class Planner
{
    public static async Task<ApplyPlan> PlanAsync(LiveObjects live, DesiredState desired, DeploymentRecord? previous, CancellationToken cancellationToken)
    {
        var provisioned = previous is { Status: DeploymentStatus.Provisioned };
        if (provisioned && desired.IsOneTime)
        {
            return UnchangedAsRecorded(desired, previous!, ObjectAction.Skipped, "OneTime: deployed when the cluster first matched; later changes are not pushed.", await live.SealForAsync(previous, cancellationToken).ConfigureAwait(false));
        }

        // Drift hashes taken with other exclusions (or none, by an older version) would not compare: take them again.
        var comparable = SameExclusions(previous?.DriftExclusions, desired.DriftExclusions);
        var seal = await live.SealForAsync(previous, cancellationToken).ConfigureAwait(false);
        var recorded = (previous?.Objects ?? []).ToDictionary(o => o.Key);
        var changes = new List<PlannedChange>();
        foreach (var wanted in desired.Objects)
        {
            recorded.TryGetValue(wanted.Key, out var known);
            changes.Add(await PlanObjectAsync(live, desired, wanted, known, comparable ? previous : null, seal, cancellationToken).ConfigureAwait(false));
        }

        var wantedKeys = desired.Objects.Select(o => o.Key).ToHashSet();
        foreach (var stale in (previous?.Objects ?? []).Where(o => !wantedKeys.Contains(o.Key)))
        {
            changes.Add(await PlanRemovalAsync(live, desired.Profile, stale.Key, leave: false, cancellationToken).ConfigureAwait(false));
        }

        var conflicts = changes.Count(c => c.Action == ObjectAction.Conflict);
        return new ApplyPlan
        {
            Profile = desired.Profile,
            Cluster = desired.Cluster,
            Desired = desired,
            Previous = previous,
            Seal = seal,
            Changes = changes,
            Blocked = conflicts > 0 && !desired.ContinueOnConflict
                ? $"{conflicts} conflict(s) and continueOnConflict is false: nothing applied."
                : null,
        };
    }

    /// <summary>
    /// True when every object of a provisioned record is live as the record says its last apply left it: the
    /// pair's inputs being unchanged too, nothing needs building or applying.
    /// </summary>
    public static async Task<bool> IsInSyncAsync(LiveObjects live, DeploymentRecord previous, CancellationToken cancellationToken)
    {
        var seal = await live.SealForAsync(previous, cancellationToken).ConfigureAwait(false);
        foreach (var recorded in previous.Objects)
        {
            var obj = await live.GetAsync(recorded.Key, tracked: true, cancellationToken).ConfigureAwait(false);
            if (obj is null || Tracking.OwnerOf(obj) is not { } owner || !owner.Is(previous.Profile) || seal.Matches(recorded.Hash, owner.Hash) != true)
            {
                return false;
            }

            if (DriftEvaluator.Evaluate(previous, recorded, obj, seal) is not (DriftVerdict.InSync or DriftVerdict.Ignored))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Plans taking a profile out of a cluster: delete what it owns, or only untrack it (leave).</summary>
    public static async Task<ApplyPlan> PlanWithdrawalAsync(LiveObjects live, DeploymentRecord previous, bool leave, CancellationToken cancellationToken)
    {
        var changes = new List<PlannedChange>();
        foreach (var recorded in previous.Objects)
        {
            changes.Add(await PlanRemovalAsync(live, previous.Profile, recorded.Key, leave, cancellationToken).ConfigureAwait(false));
        }

        return new ApplyPlan { Profile = previous.Profile, Cluster = previous.Cluster, Previous = previous, Changes = changes, LeaveObjects = leave, Local = previous.Local };
    }

    /// <summary>The plan of a pair whose record answers for everything: each recorded object with <paramref name="action"/>.</summary>
    public static ApplyPlan UnchangedAsRecorded(DesiredState desired, DeploymentRecord previous, ObjectAction action, string message, RecordSeal seal) => new()
    {
        Profile = desired.Profile,
        Cluster = desired.Cluster,
        Desired = desired,
        Previous = previous,
        Seal = seal,
        Local = desired.Local,
        Changes = previous.Objects.Select(o => new PlannedChange(o.Key, action, desired.Objects.FirstOrDefault(d => d.Key == o.Key), null, message)).ToList(),
    };

    private static bool SameExclusions(IReadOnlyList<Profiles.DriftExclusion>? recorded, IReadOnlyList<Profiles.DriftExclusion> wanted) =>
        Describe(recorded ?? []) == Describe(wanted);

    private static string Describe(IReadOnlyList<Profiles.DriftExclusion> exclusions) =>
        string.Join(";", exclusions.Select(e => $"{string.Join(",", e.Paths)}@{e.Target}"));

    /// <param name="known">The object as the record has it; null when the record does not know it.</param>
    /// <param name="previous">The record to compare drift hashes with; null when they cannot compare (other driftExclusions).</param>
    private static async Task<PlannedChange> PlanObjectAsync(LiveObjects live, DesiredState desired, DesiredObject wanted, RecordedObject? known, DeploymentRecord? previous, RecordSeal seal, CancellationToken cancellationToken)
    {
        var obj = await live.GetAsync(wanted.Key, tracked: known is not null, cancellationToken).ConfigureAwait(false);
        if (obj is null)
        {
            return new PlannedChange(wanted.Key, ObjectAction.Created, wanted, null, known is { Hash.Length: > 0 } ? "deleted out of band; restored" : "");
        }

        var owner = Tracking.OwnerOf(obj);
        if (owner is null)
        {
            return new PlannedChange(wanted.Key, ObjectAction.Adopted, wanted, obj, "existed without a Sveltos owner; adopted");
        }

        if (owner.Is(desired.Profile))
        {
            if (owner.Hash != wanted.Hash)
            {
                return new PlannedChange(wanted.Key, ObjectAction.Updated, wanted, obj, "");
            }

            var verdict = known is null || previous is null ? DriftVerdict.Unknown : DriftEvaluator.Evaluate(previous, known, obj, seal);
            return verdict switch
            {
                DriftVerdict.InSync => new PlannedChange(wanted.Key, ObjectAction.Unchanged, wanted, obj, ""),
                DriftVerdict.Ignored => new PlannedChange(wanted.Key, ObjectAction.Unchanged, wanted, obj, $"{DriftHasher.IgnoreAnnotation}: left as it is"),
                DriftVerdict.Modified => new PlannedChange(wanted.Key, ObjectAction.Updated, wanted, obj, "changed out of band; restored"),
                _ => new PlannedChange(wanted.Key, ObjectAction.Updated, wanted, obj, "re-applied: the state it was left in is not recorded (an interrupted or earlier sync)"),
            };
        }

        if (desired.Tier < owner.Tier)
        {
            return new PlannedChange(wanted.Key, ObjectAction.Updated, wanted, obj, $"taken over from {owner} by tier {desired.Tier}");
        }

        return new PlannedChange(wanted.Key, ObjectAction.Conflict, wanted, obj, $"owned by {owner}; tier {desired.Tier} does not take precedence (a lower tier wins)");
    }

    private static async Task<PlannedChange> PlanRemovalAsync(LiveObjects live, ProfileRef profile, ObjectKey key, bool leave, CancellationToken cancellationToken)
    {
        var obj = await live.GetAsync(key, tracked: true, cancellationToken).ConfigureAwait(false);
        if (obj is null)
        {
            return new PlannedChange(key, ObjectAction.Unchanged, null, null, "already gone");
        }

        var owner = Tracking.OwnerOf(obj);
        if (owner is null || !owner.Is(profile))
        {
            return new PlannedChange(key, ObjectAction.Skipped, null, obj, owner is null ? "no longer tracked by Sveltos; left in place" : $"now owned by {owner}; left in place");
        }

        if (!leave && HelmKeeps(obj))
        {
            return new PlannedChange(key, ObjectAction.Released, null, obj, "helm.sh/resource-policy: keep: tracking removed, object kept, as helm uninstall keeps it");
        }

        return new PlannedChange(key, leave ? ObjectAction.Released : ObjectAction.Deleted, null, obj, leave ? "LeavePolicies: tracking removed, object kept" : "");
    }

    /// <summary>
    /// Helm never deletes an object of a release annotated helm.sh/resource-policy: keep, nor a chart's crds/ CRDs
    /// (stamped so when installed): removing the CRD would delete every custom resource of its kind.
    /// </summary>
    private static bool HelmKeeps(JsonObject live)
    {
        var annotations = KubeObject.Annotations(live);
        return annotations.GetValueOrDefault(HelmResourcePolicy) == "keep"
            && (annotations.ContainsKey("meta.helm.sh/release-name") || KubeObject.Kind(live) == "CustomResourceDefinition");
    }

    /// <summary>Helm's annotation that keeps an object when its release is uninstalled or no longer renders it.</summary>
    public const string HelmResourcePolicy = "helm.sh/resource-policy";
}
