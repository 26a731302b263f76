using Sveltos.Engine.Deploy;

namespace Sveltos.Engine.Drift;

/// <summary>
/// How a drift watch reports. Called from worker threads; implementations queue what they receive
/// (the PowerShell layer writes it on the pipeline thread).
/// </summary>
public interface IDriftObserver
{
    void Verbose(string message);

    /// <summary>An object drifted; reported once per distinct drifted state.</summary>
    void Drifted(DriftFinding finding);

    /// <summary>What the re-apply of a drifted object did (Created, Updated, Conflict, Failed, Skipped ...).</summary>
    void Remediated(DriftFinding finding, ObjectResult result);

    /// <summary>An object was remediated too often within the window: it is reported, no longer re-applied, until the window passes.</summary>
    void Flapping(DriftFinding finding, int remediations, TimeSpan window);

    /// <summary>A cluster could not be watched; it is retried with backoff. Reported once per outage.</summary>
    void ClusterFailed(string cluster, SveltosException error);

    void ClusterRecovered(string cluster);
}

/// <summary>Re-applies the desired state of drifted objects of one (cluster, profile) pair.</summary>
public interface IDriftRemediator
{
    Task<IReadOnlyList<ObjectResult>> RemediateAsync(string cluster, ProfileRef profile, IReadOnlySet<ObjectKey> keys, CancellationToken cancellationToken);
}
