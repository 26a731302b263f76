using System.Diagnostics;
using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Sync;

namespace Sveltos.Infrastructure;

/// <summary>What a sync writes to the pipeline: per-object results or per-pair summaries, and whether unchanged ones too.</summary>
/// <param name="SummaryOnly">One summary per (profile, cluster) pair instead of one result per object.</param>
/// <param name="ChangesOnly">Leaves out what is unchanged (a -Watch round prints only what it changed).</param>
/// <param name="FailuresAsWarnings">Failures are warnings: the caller goes on regardless (Unregister-SveltosCluster -Force).</param>
internal sealed record SyncOutputOptions(bool SummaryOnly, bool ChangesOnly = false, bool FailuresAsWarnings = false);

/// <summary>
/// Carries a sync's reports from worker threads to the pipeline thread, where they are written. Errors and
/// warnings stream as they happen, each naming its cluster and profile; results are held until the work
/// <see cref="RunAsync"/> runs ends, and written in a stable order whatever order the clusters finished in: by cluster, and
/// within a cluster in the order the sync handled its profiles (those a profile depends on first), which is
/// the same from one run to the next.
/// </summary>
internal sealed class PipelineSyncObserver(SveltosCmdlet cmdlet, PipelinePump pump, SyncOutputOptions options, string activity, CancellationToken cancellationToken) : ISyncObserver
{
    private readonly Stopwatch sinceProgress = Stopwatch.StartNew();
    private readonly object gate = new();
    private readonly List<(string Cluster, object Output)> held = [];
    private readonly HashSet<(string Cluster, string Profile)> pendingReported = [];
    private readonly Dictionary<(string Cluster, string Profile), string> skippedBecause = [];

    /// <summary>How many results or summaries <see cref="RunAsync"/> wrote.</summary>
    public int Written { get; private set; }

    public void Verbose(string message) => Post(() => cmdlet.WriteVerbose(message));

    public void ProfileInvalid(ProfileProblem problem)
    {
        var message = ProfileProblems.LeftAsDeployed(problem);
        var error = new SveltosException(problem.ErrorId, ErrorKind.InvalidData, message, problem.Location, "Correct the profile where the problem points; the other profiles were synced.");
        Error(ErrorRecords.From(error), () => [new CiAnnotation(message, cmdlet.SourceFile(problem.Source), problem.Line, problem.Column)]);
    }

    public void Warning(string message) => Post(() => cmdlet.WriteWarning(message));

    public void Progress(string phase, int completed, int total)
    {
        // Throttled: a fleet of hundreds of clusters must not flood the host with progress records.
        if (completed != 0 && completed != total && sinceProgress.ElapsedMilliseconds < 200)
        {
            return;
        }

        sinceProgress.Restart();
        var percent = total == 0 ? 100 : completed * 100 / total;
        Post(() =>
        {
            cmdlet.WriteProgress(new ProgressRecord(1, activity, $"{phase}: {completed} of {total} cluster(s)") { PercentComplete = percent });
            if (completed == total)
            {
                cmdlet.WriteVerbose($"{phase}: {total} cluster(s) done.");
            }
        });
    }

    public void ClusterFailed(string cluster, SveltosException error) => Error(ErrorRecords.AboutCluster(error, cluster));

    public void PairFailed(string cluster, ProfileRef profile, SveltosException error) =>
        Error(ErrorRecords.AboutCluster(error, cluster, ProfileRefs.Identity(profile)));

    public void PairPending(string cluster, ProfileRef profile, string reason)
    {
        var identity = ProfileRefs.Identity(profile);
        lock (gate)
        {
            pendingReported.Add((cluster, identity));
        }

        Warning(ErrorRecords.Located($"pending, nothing changed there: {reason}", cluster, identity));
    }

    public void Result(ObjectResult result)
    {
        var identity = ProfileRefs.Identity(result.Profile);
        var what = $"{result.Key.Kind} {Qualified(result.Key.Namespace, result.Key.Name)}";
        switch (result.Action)
        {
            // One error per object: each names the object and what holds it, the thing to fix.
            case ObjectAction.Conflict:
                Error(ErrorRecords.AboutCluster("ObjectConflict", ErrorCategory.ResourceExists, $"{what}: {result.Message}", result.Cluster, identity, "Give the profile a lower tier to take the object over, or remove it from one of the profiles."));
                break;
            case ObjectAction.Failed:
                Error(ErrorRecords.AboutCluster("ObjectFailed", ErrorCategory.WriteError, $"{what}: {result.Message}", result.Cluster, identity, "Fix the cause named and sync again; the other objects and clusters are not affected."));
                break;
            case ObjectAction.Skipped:
                lock (gate)
                {
                    skippedBecause.TryAdd((result.Cluster, identity), result.Message);
                }

                break;
        }

        if (!options.SummaryOnly && !(options.ChangesOnly && result.Action == ObjectAction.Unchanged))
        {
            Hold(result.Cluster, SyncOutput.ToOutput(result));
        }
    }

    public void Summary(PairSummary summary)
    {
        var identity = ProfileRefs.Identity(summary.Profile);
        var key = (summary.Cluster, identity);
        bool pendingKnown;
        string? skipped;
        lock (gate)
        {
            pendingKnown = pendingReported.Contains(key);
            skippedBecause.TryGetValue(key, out skipped);
        }

        if (summary.Status == PairStatus.Pending && !pendingKnown)
        {
            Warning(ErrorRecords.Located($"pending, nothing changed there: {(summary.Message.Length > 0 ? summary.Message : "waiting for a dependency")}", summary.Cluster, identity));
        }

        var failed = Count(summary, ObjectAction.Failed) + Count(summary, ObjectAction.Conflict);
        if (failed > 0 && Count(summary, ObjectAction.Skipped) is var notApplied and > 0)
        {
            Warning(ErrorRecords.Located($"{notApplied} other object(s) not applied: {skipped ?? summary.Message}", summary.Cluster, identity));
        }

        if (options.SummaryOnly && !(options.ChangesOnly && summary.Status == PairStatus.Unchanged))
        {
            Hold(summary.Cluster, SyncOutput.ToOutput(summary));
        }
    }

    /// <summary>Runs <paramref name="work"/> with this observer, then writes what it held, whether the work finished or not.</summary>
    public async Task RunAsync(Func<ISyncObserver, Task> work)
    {
        try
        {
            await work(this).ConfigureAwait(false);
        }
        finally
        {
            Flush();
        }
    }

    /// <summary>Writes the results held so far, ordered by cluster (each cluster's own order kept).</summary>
    private void Flush()
    {
        List<object> ordered;
        lock (gate)
        {
            ordered = held.OrderBy(h => h.Cluster, StringComparer.Ordinal).Select(h => h.Output).ToList();
            held.Clear();
        }

        Written += ordered.Count;
        foreach (var output in ordered)
        {
            Post(() => cmdlet.WriteObject(output));
        }
    }

    private static int Count(PairSummary summary, ObjectAction action) => summary.Counts.TryGetValue(action, out var count) ? count : 0;

    private static string Qualified(string @namespace, string name) => @namespace.Length == 0 ? name : $"{@namespace}/{name}";

    private void Hold(string cluster, object output)
    {
        lock (gate)
        {
            held.Add((cluster, output));
        }
    }

    // Annotations are made on the pipeline thread: finding a source file reads the session's current location.
    private void Error(ErrorRecord record, Func<IReadOnlyList<CiAnnotation>>? annotations = null) => Post(() =>
    {
        if (options.FailuresAsWarnings)
        {
            cmdlet.WriteWarning(record.ErrorDetails?.Message ?? record.Exception.Message);
        }
        else
        {
            cmdlet.WriteError(record, annotations?.Invoke());
        }
    });

    private void Post(Action action) => pump.Post(action, cancellationToken);
}
