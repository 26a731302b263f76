using Sveltos.Engine.Helm.Releases;

namespace Sveltos.Engine.Deploy.Releases;

/// <summary>
/// One Helm release an apply installs, upgrades or uninstalls, read from the plan's storage changes: a new deployed
/// revision is an install (an upgrade when a deployed revision is live), a deployed revision that is deleted or marked
/// uninstalled is an uninstall. The hooks are the ones that revision stores. A release whose storage the plan leaves
/// as it is (a re-sync, a drift repair) has no step: no hooks run, no revision is written.
/// </summary>
public sealed record ReleaseStep(string Namespace, string Name, ReleaseOperation Operation, int Revision, IReadOnlyList<ReleaseHook> Hooks, HelmReleaseOptions Options)
{
    /// <summary>The storage change that makes this step: the new revision written, or the deployed one removed.</summary>
    public required PlannedChange Storage { get; init; }

    /// <summary>The event before the release's objects change (pre-install, pre-upgrade, pre-delete).</summary>
    public string PreEvent => Operation switch
    {
        ReleaseOperation.Install => HookEvent.PreInstall,
        ReleaseOperation.Upgrade => HookEvent.PreUpgrade,
        _ => HookEvent.PreDelete,
    };

    public string PostEvent => Operation switch
    {
        ReleaseOperation.Install => HookEvent.PostInstall,
        ReleaseOperation.Upgrade => HookEvent.PostUpgrade,
        _ => HookEvent.PostDelete,
    };

    public bool RunsHooks => Operation switch
    {
        ReleaseOperation.Install => !Options.DisableInstallHooks,
        ReleaseOperation.Upgrade => !Options.DisableUpgradeHooks,
        _ => !Options.DisableUninstallHooks,
    };

    /// <summary>Whether the apply waits for the release's objects before its post hooks and its storage.</summary>
    public bool Waits => Operation != ReleaseOperation.Uninstall && (Options.Wait || Options.Atomic || Options.WaitForJobs);

    public override string ToString() => $"release {Namespace}/{Name}";

    /// <summary>The releases the approved changes of a plan install, upgrade or uninstall, in the plan's order.</summary>
    public static IReadOnlyList<ReleaseStep> Of(ApplyPlan plan, IReadOnlySet<PlannedChange> approved)
    {
        var storage = plan.Changes.Where(ReleaseStorage.IsStorage).ToList();
        var steps = new List<ReleaseStep>();
        foreach (var change in storage.Where(approved.Contains))
        {
            var (ns, name) = ReleaseStorage.ReleaseOf(change);
            var liveStatus = ReleaseStorage.StatusOf(change.Live);
            var wantedStatus = ReleaseStorage.StatusOf(change.Desired?.Object);
            if (wantedStatus == ReleaseStatus.Deployed && liveStatus != ReleaseStatus.Deployed)
            {
                var upgrade = storage.Any(other => other != change && ReleaseStorage.ReleaseOf(other) == (ns, name) && ReleaseStorage.StatusOf(other.Live) == ReleaseStatus.Deployed);
                var release = ReleaseSecret.Read(change.Desired!.Object).Release;
                steps.Add(new ReleaseStep(ns, name, upgrade ? ReleaseOperation.Upgrade : ReleaseOperation.Install, release.Version, release.Hooks, OptionsFor(plan, ns, name)) { Storage = change });
            }
            else if (liveStatus == ReleaseStatus.Deployed && (change.Desired is null || wantedStatus == ReleaseStatus.Uninstalled))
            {
                var release = ReleaseSecret.Read(change.Live!).Release;
                steps.Add(new ReleaseStep(ns, name, ReleaseOperation.Uninstall, release.Version, release.Hooks, OptionsFor(plan, ns, name)) { Storage = change });
            }
        }

        return steps;
    }

    /// <summary>Whether a change belongs to this release: its storage, or an object its chart rendered (or, removed, one Helm's annotations give to it).</summary>
    public bool Owns(PlannedChange change) => Owns(Namespace, Name, change);

    /// <summary>
    /// The storage changes of the releases some of whose objects were not approved: a revision is stored only with all
    /// of its objects, so helm never shows one that is not in place.
    /// </summary>
    public static IEnumerable<PlannedChange> StorageOfPartlyApproved(ApplyPlan plan, IReadOnlySet<PlannedChange> approved)
    {
        var partial = plan.Changes
            .Where(c => c.IsChange && !approved.Contains(c) && !ReleaseStorage.IsStorage(c))
            .ToList();
        return plan.Changes.Where(c => approved.Contains(c) && ReleaseStorage.IsStorage(c)
            && ReleaseStorage.ReleaseOf(c) is var (ns, name) && partial.Any(d => Owns(ns, name, d)));
    }

    private static bool Owns(string ns, string name, PlannedChange change)
    {
        if (ReleaseStorage.IsStorage(change))
        {
            return ReleaseStorage.ReleaseOf(change) == (ns, name);
        }

        if (change.Desired is { } desired)
        {
            return desired.Source is { Kind: "HelmChart" } source && source.Namespace == ns && source.Name == name;
        }

        var annotations = change.Live is null ? null : Kube.KubeObject.Annotations(change.Live);
        return annotations?.GetValueOrDefault("meta.helm.sh/release-name") == name && annotations.GetValueOrDefault("meta.helm.sh/release-namespace") == ns;
    }

    private static HelmReleaseOptions OptionsFor(ApplyPlan plan, string ns, string name) =>
        plan.Desired?.HelmOptions.FirstOrDefault(o => o.Namespace == ns && o.Name == name)?.Options
        ?? plan.Previous?.HelmReleases?.FirstOrDefault(r => r.Namespace == ns && r.Name == name)?.Options
        ?? HelmReleaseOptions.Default;
}
