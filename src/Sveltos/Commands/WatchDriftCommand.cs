using System.Management.Automation;
using Sveltos.Engine.Drift;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet("Watch", "Drift")]
[OutputType(typeof(DriftResult))]
public sealed class WatchDriftCommand : FleetCmdlet
{
    private readonly List<string> clusterKeys = [];

    /// <summary>Profile names whose objects are watched (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Profile { get; set; }

    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public SveltosCluster[]? Cluster { get; set; }

    /// <summary>Re-applies each drifted object through the sync's plan and apply, and reports what it did.</summary>
    [Parameter]
    public SwitchParameter Remediate { get; set; }

    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan? Timeout { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxEvents { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var cluster in Cluster ?? [])
        {
            clusterKeys.Add(cluster.ToString());
        }
    }

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        try
        {
            var clusters = Await(opened.GetClustersAsync).Where(c => clusterKeys.Count == 0 || clusterKeys.Contains(c.ToString())).ToList();
            WriteVerbose($"Watching {clusters.Count} cluster(s) of {fleet.Description} for drift{(Remediate ? ", remediating" : "")}.");
            RunOffPipeline(async (pump, token) =>
            {
                using var finished = CancellationTokenSource.CreateLinkedTokenSource(token);
                if (Timeout is { } timeout)
                {
                    finished.CancelAfter(timeout);
                }

                var observer = new PipelineDriftObserver(this, action => pump.Post(action, token), MaxEvents, Remediate, finished);
                var remediator = Remediate ? new FleetDriftRemediator(() => FleetConnections.Target(fleet).Open()) : null;
                var options = new DriftWatchOptions { Profiles = p => NameFilter.Matches(Profile, p.Name) };
                await new DriftWatcher(clusters, observer, remediator, options).RunAsync(finished.Token).ConfigureAwait(false);
            });
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }
    }
}
