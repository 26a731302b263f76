using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Drift;

/// <summary>How a drift watch behaves.</summary>
public sealed record DriftWatchOptions
{
    /// <summary>Which profiles' objects are watched; every profile by default.</summary>
    public Func<ProfileRef, bool> Profiles { get; init; } = _ => true;

    /// <summary>The fleet whose deployments are watched (its identity); null watches every fleet's.</summary>
    public string? Fleet { get; init; }

    /// <summary>An object remediated this many times within <see cref="FlapWindow"/> is reported as flapping and left alone for the rest of the window.</summary>
    public int FlapLimit { get; init; } = 5;

    public TimeSpan FlapWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest pause between attempts to reach a cluster that is down.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests fail over sooner than a sync's, so an outage is reported within seconds.</summary>
    public KubeClientOptions ClientOptions { get; init; } = new() { MaxAttempts = 3, RequestTimeout = TimeSpan.FromSeconds(10) };
}

/// <summary>
/// Watches the objects the deployment records of a set of clusters track, and reports (and with a
/// remediator, undoes) drift the moment a watch event shows it: one watch per (cluster, kind) with
/// the tracking label as selector, plus one on the record ConfigMaps, so new syncs are followed.
/// </summary>
public sealed class DriftWatcher(IReadOnlyList<FleetCluster> clusters, IDriftObserver observer, IDriftRemediator? remediator, DriftWatchOptions? options = null)
{
    private readonly DriftWatchOptions options = options ?? new DriftWatchOptions();

    /// <summary>Runs until cancelled; every watch is closed when it returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watches = clusters.Select(c => new ClusterDriftWatch(c, observer, remediator, options).RunAsync(cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(watches).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
