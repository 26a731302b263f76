using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Compares what a profile wants with the deployment record and, only where the record cannot
/// answer, with the live objects. An unchanged pair costs no request at all.
/// </summary>
public static class Planner
{
    /// <param name="reapply">
    /// Objects planned against the live cluster even when the record says they are deployed as wanted
    /// (drift remediation): one of ours is Updated (re-applied), one that is gone is Created.
    /// </param>
    public static async Task<ApplyPlan> PlanAsync(KubeClient client, DesiredState desired, DeploymentRecord? previous, CancellationToken cancellationToken, IReadOnlySet<ObjectKey>? reapply = null) =>
        (await PlanRemoteAsync(client, desired, previous, reapply ?? new HashSet<ObjectKey>(), cancellationToken).ConfigureAwait(false)) with { Local = desired.Local };

    private static async Task<ApplyPlan> PlanRemoteAsync(KubeClient client, DesiredState desired, DeploymentRecord? previous, IReadOnlySet<ObjectKey> reapply, CancellationToken cancellationToken)
    {
        var provisioned = previous is { Status: DeploymentStatus.Provisioned };
        if (provisioned && desired.IsOneTime)
        {
            return Unchanged(desired, previous!, ObjectAction.Skipped, "OneTime: deployed when the cluster first matched; later changes are not pushed.");
        }

        var forcing = reapply.Any(k => desired.Objects.Any(o => o.Key == k));
        if (provisioned && previous!.InputHash == desired.InputHash && !forcing)
        {
            return Unchanged(desired, previous, ObjectAction.Unchanged, "");
        }

        // Drift hashes taken with other exclusions (or none, by an older version) would not compare: take them again.
        var exclusionsChanged = !SameExclusions(previous?.DriftExclusions, desired.DriftExclusions);
        var recorded = (previous?.Objects ?? []).ToDictionary(o => o.Key);
        var namespaces = new NamespaceProbe(client);
        var changes = new List<PlannedChange>();
        foreach (var wanted in desired.Objects)
        {
            var force = reapply.Contains(wanted.Key);
            if (provisioned && !force && recorded.TryGetValue(wanted.Key, out var known) && known.Hash == wanted.Hash && known.DriftHash is not null && !exclusionsChanged)
            {
                changes.Add(new PlannedChange(wanted.Key, ObjectAction.Unchanged, wanted, null, ""));
                continue;
            }

            changes.Add(await PlanObjectAsync(client, namespaces, desired, wanted, force || (provisioned && recorded.ContainsKey(wanted.Key)), cancellationToken).ConfigureAwait(false));
        }

        var wantedKeys = desired.Objects.Select(o => o.Key).ToHashSet();
        foreach (var stale in (previous?.Objects ?? []).Where(o => !wantedKeys.Contains(o.Key)))
        {
            changes.Add(await PlanRemovalAsync(client, desired.Profile, stale.Key, leave: false, cancellationToken).ConfigureAwait(false));
        }

        var conflicts = changes.Where(c => c.Action == ObjectAction.Conflict).ToList();
        return new ApplyPlan
        {
            Profile = desired.Profile,
            Cluster = desired.Cluster,
            Desired = desired,
            Previous = previous,
            Changes = changes,
            Blocked = conflicts.Count > 0 && !desired.ContinueOnConflict
                ? $"{conflicts.Count} conflict(s) and continueOnConflict is false: nothing applied."
                : null,
        };
    }

    /// <summary>Plans taking a profile out of a cluster: delete what it owns, or only untrack it (leave).</summary>
    public static async Task<ApplyPlan> PlanWithdrawalAsync(KubeClient client, DeploymentRecord previous, bool leave, CancellationToken cancellationToken)
    {
        var changes = new List<PlannedChange>();
        foreach (var recorded in previous.Objects)
        {
            changes.Add(await PlanRemovalAsync(client, previous.Profile, recorded.Key, leave, cancellationToken).ConfigureAwait(false));
        }

        return new ApplyPlan { Profile = previous.Profile, Cluster = previous.Cluster, Previous = previous, Changes = changes, LeaveObjects = leave, Local = previous.Local };
    }

    private static ApplyPlan Unchanged(DesiredState desired, DeploymentRecord previous, ObjectAction action, string message) => new()
    {
        Profile = desired.Profile,
        Cluster = desired.Cluster,
        Desired = desired,
        Previous = previous,
        Changes = previous.Objects.Select(o => new PlannedChange(o.Key, action, desired.Objects.FirstOrDefault(d => d.Key == o.Key), null, message)).ToList(),
    };

    private static bool SameExclusions(IReadOnlyList<Profiles.DriftExclusion>? recorded, IReadOnlyList<Profiles.DriftExclusion> wanted) =>
        Describe(recorded ?? []) == Describe(wanted);

    private static string Describe(IReadOnlyList<Profiles.DriftExclusion> exclusions) =>
        string.Join(";", exclusions.Select(e => $"{string.Join(",", e.Paths)}@{e.Target}"));

    private static async Task<PlannedChange> PlanObjectAsync(KubeClient client, NamespaceProbe namespaces, DesiredState desired, DesiredObject wanted, bool reapply, CancellationToken cancellationToken)
    {
        var inMissingNamespace = wanted.Key.Namespace.Length > 0 && !await namespaces.ExistsAsync(wanted.Key.Namespace, cancellationToken).ConfigureAwait(false);
        var live = inMissingNamespace ? null
            : wanted.Key is { ApiVersion: "v1", Kind: "Namespace" } ? await namespaces.GetAsync(wanted.Key.Name, cancellationToken).ConfigureAwait(false)
            : await GetLiveAsync(client, wanted.Key, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            return new PlannedChange(wanted.Key, ObjectAction.Created, wanted, null, "");
        }

        var owner = Tracking.OwnerOf(live);
        if (owner is null)
        {
            return new PlannedChange(wanted.Key, ObjectAction.Adopted, wanted, live, "existed without a Sveltos owner; adopted");
        }

        if (owner.Is(desired.Profile))
        {
            return owner.Hash != wanted.Hash ? new PlannedChange(wanted.Key, ObjectAction.Updated, wanted, live, "")
                : reapply ? new PlannedChange(wanted.Key, ObjectAction.Updated, wanted, live, "re-applied")
                : new PlannedChange(wanted.Key, ObjectAction.Unchanged, wanted, live, "");
        }

        if (desired.Tier < owner.Tier)
        {
            return new PlannedChange(wanted.Key, ObjectAction.Updated, wanted, live, $"taken over from {owner} by tier {desired.Tier}");
        }

        return new PlannedChange(wanted.Key, ObjectAction.Conflict, wanted, live, $"owned by {owner}; tier {desired.Tier} does not take precedence (a lower tier wins)");
    }

    private static async Task<PlannedChange> PlanRemovalAsync(KubeClient client, ProfileRef profile, ObjectKey key, bool leave, CancellationToken cancellationToken)
    {
        var live = await GetLiveAsync(client, key, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            return new PlannedChange(key, ObjectAction.Unchanged, null, null, "already gone");
        }

        var owner = Tracking.OwnerOf(live);
        if (owner is null || !owner.Is(profile))
        {
            return new PlannedChange(key, ObjectAction.Skipped, null, live, owner is null ? "no longer tracked by Sveltos; left in place" : $"now owned by {owner}; left in place");
        }

        return new PlannedChange(key, leave ? ObjectAction.Released : ObjectAction.Deleted, null, live, leave ? "LeavePolicies: tracking removed, object kept" : "");
    }

    private static async Task<JsonObject?> GetLiveAsync(KubeClient client, ObjectKey key, CancellationToken cancellationToken)
    {
        // A custom resource whose CRD arrives in the same sync is not served yet: it does not exist.
        var resource = await client.FindResourceAsync(key.ApiVersion, key.Kind, cancellationToken).ConfigureAwait(false);
        return resource is null ? null : await client.GetAsync(resource, key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
    }
}
