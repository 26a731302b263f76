using Sveltos.Engine.Content.Helm;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Helm.Releases;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy.Releases;

/// <summary>A release to test: the cluster, the deployment record that lists it, the release.</summary>
public sealed record ReleaseTestTarget(FleetCluster Cluster, DeploymentRecord Record, DeployedRelease Release);

/// <summary>The test hooks of one deployed release on one cluster: what ran and how it ended (no test: <see cref="Hook"/> null).</summary>
public sealed record ReleaseTestOutcome(string Cluster, ProfileRef Profile, string Namespace, string Release, int Revision, ObjectKey? Hook, bool Passed, string Message);

/// <summary>
/// helm test for the releases the profiles' helmCharts installed: the deployed revision's test hooks run on the
/// cluster as helm test runs them (weight order, delete policies, each Job or Pod waited for), stopping at the first
/// failure. Tests run only when asked for; a sync never runs them.
/// </summary>
public static class ReleaseTests
{
    /// <summary>Tests each target release, the clusters in parallel, one cluster's releases in order.</summary>
    public static async Task RunAsync(
        IReadOnlyList<ReleaseTestTarget> targets,
        TimeSpan timeout,
        Action<ReleaseTestOutcome> onOutcome,
        Action<FleetCluster, SveltosException> onError,
        CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            targets.GroupBy(t => t.Cluster),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (group, token) =>
            {
                try
                {
                    using var client = KubeClientFactory.Create(await group.Key.Connection.ResolveAsync(token).ConfigureAwait(false));
                    foreach (var target in group)
                    {
                        await TestAsync(client, group.Key, target.Record, target.Release, timeout, onOutcome, onError, token).ConfigureAwait(false);
                    }
                }
                catch (SveltosException ex)
                {
                    onError(group.Key, ex);
                }
            }).ConfigureAwait(false);
    }

    private static async Task TestAsync(KubeClient client, FleetCluster cluster, DeploymentRecord record, DeployedRelease release, TimeSpan timeout, Action<ReleaseTestOutcome> onOutcome, Action<FleetCluster, SveltosException> onError, CancellationToken cancellationToken)
    {
        var history = await HelmReleaseHistory.ReadAsync(client, release.Namespace, release.Name, cancellationToken).ConfigureAwait(false);
        if (history.Deployed is not { } secret)
        {
            onError(cluster, new SveltosException("HelmReleaseNotDeployed", ErrorKind.ObjectNotFound, $"release {release.Namespace}/{release.Name} has no deployed revision on the cluster.", cluster.ToString(), "Sync the profile that installs it, then test again."));
            return;
        }

        var deployed = ReleaseSecret.Read(secret).Release;
        var hooks = new ReleaseHooks(release.Namespace, release.Name, deployed.Hooks, timeout);
        if (!deployed.Hooks.Any(h => h.Events.Contains(HookEvent.Test)))
        {
            onOutcome(new ReleaseTestOutcome(cluster.ToString(), record.Profile, release.Namespace, release.Name, deployed.Version, null, true, "the chart has no test hooks"));
            return;
        }

        IReadOnlyList<HookOutcome> outcomes;
        try
        {
            outcomes = await HookRunner.RunAsync(client, hooks, HookEvent.Test, cancellationToken).ConfigureAwait(false);
        }
        catch (HookFailedException ex)
        {
            Report(ex.Outcomes);
            onError(cluster, ex);
            return;
        }

        Report(outcomes);

        void Report(IReadOnlyList<HookOutcome> ran)
        {
            foreach (var outcome in ran)
            {
                onOutcome(new ReleaseTestOutcome(cluster.ToString(), record.Profile, release.Namespace, release.Name, deployed.Version, outcome.Key, outcome.Succeeded, outcome.Message));
            }
        }
    }
}
