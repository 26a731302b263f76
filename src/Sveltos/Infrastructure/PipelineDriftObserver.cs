using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;

namespace Sveltos.Infrastructure;

/// <summary>
/// Carries a drift watch's reports to the pipeline thread, and ends the watch (through
/// <paramref name="finished"/>) once <paramref name="maxEvents"/> drifts were reported and, when
/// remediating, their remediations reported too. <paramref name="post"/> queues an action for the
/// pipeline thread.
/// </summary>
internal sealed class PipelineDriftObserver(SveltosCmdlet cmdlet, Action<Action> post, int maxEvents, bool remediating, CancellationTokenSource? finished) : IDriftObserver
{
    private readonly object gate = new();
    private readonly HashSet<(string Cluster, ObjectKey Key)> awaited = [];
    private int drifts;

    public void Verbose(string message) => Post(() => cmdlet.WriteVerbose(message));

    public void Drifted(DriftFinding finding)
    {
        lock (gate)
        {
            if (maxEvents > 0 && drifts >= maxEvents)
            {
                return;
            }

            drifts++;
            if (remediating)
            {
                awaited.Add((finding.Cluster, finding.Key));
            }
        }

        Post(() => cmdlet.WriteObject(DriftOutput.Detected(finding)));
        CheckFinished();
    }

    public void Remediated(DriftFinding finding, ObjectResult result) => Outcome(finding, DriftOutput.Remediated(finding, result));

    public void Flapping(DriftFinding finding, int remediations, TimeSpan window)
    {
        var output = DriftOutput.Flapping(finding, remediations, window);
        Post(() => cmdlet.WriteWarning(ErrorRecords.Located($"{finding.Key}: {output.Message}", finding.Cluster, ProfileRefs.Identity(finding.Profile))));
        Outcome(finding, output);
    }

    public void ClusterFailed(string cluster, SveltosException error) =>
        Post(() => cmdlet.WriteError(ErrorRecords.AboutCluster(error, cluster)));

    public void ClusterRecovered(string cluster) =>
        Post(() =>
        {
            cmdlet.WriteVerbose($"{cluster}: reachable again; watching resumed.");
            cmdlet.WriteInformation(new InformationRecord($"{cluster}: reachable again; watching resumed.", "Watch-Drift"));
        });

    private void Outcome(DriftFinding finding, DriftResult output)
    {
        lock (gate)
        {
            // Past -MaxEvents, only the remediations of the drifts already reported are shown.
            if (maxEvents > 0 && !awaited.Remove((finding.Cluster, finding.Key)))
            {
                return;
            }
        }

        Post(() => cmdlet.WriteObject(output));
        CheckFinished();
    }

    private void CheckFinished()
    {
        bool done;
        lock (gate)
        {
            done = maxEvents > 0 && drifts >= maxEvents && awaited.Count == 0;
        }

        if (done && finished is not null)
        {
            // After the output above is queued: the pump drains everything before the watch returns.
            // Cancelled on the pool: cancellation callbacks must not run inside the watch's own call.
            _ = Task.Run(finished.Cancel);
        }
    }

    private void Post(Action action) => post(action);
}
