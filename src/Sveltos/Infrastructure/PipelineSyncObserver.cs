using System.Diagnostics;
using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Sync;

namespace Sveltos.Infrastructure;

/// <summary>Carries a sync's reports from worker threads to the pipeline thread, where they are written.</summary>
internal sealed class PipelineSyncObserver(Cmdlet cmdlet, PipelinePump pump, bool summaryOnly, string activity, CancellationToken cancellationToken) : ISyncObserver
{
    private readonly Stopwatch sinceProgress = Stopwatch.StartNew();

    public void Verbose(string message) => Post(() => cmdlet.WriteVerbose(message));

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

    public void ClusterFailed(string cluster, SveltosException error) =>
        Post(() => cmdlet.WriteError(ErrorRecords.From(error, cluster)));

    public void PairFailed(string cluster, ProfileRef profile, SveltosException error) =>
        Post(() => cmdlet.WriteError(ErrorRecords.From(error, $"{ProfileRefs.Identity(profile)} on {cluster}")));

    public void PairPending(string cluster, ProfileRef profile, string reason) =>
        Post(() => cmdlet.WriteWarning($"Pending: {reason}"));

    public void Result(ObjectResult result)
    {
        if (!summaryOnly)
        {
            Post(() => cmdlet.WriteObject(SyncOutput.ToOutput(result)));
        }
    }

    public void Summary(PairSummary summary)
    {
        if (summaryOnly)
        {
            Post(() => cmdlet.WriteObject(SyncOutput.ToOutput(summary)));
        }
    }

    private void Post(Action action) => pump.Post(action, cancellationToken);
}
