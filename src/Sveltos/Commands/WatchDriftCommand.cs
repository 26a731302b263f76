using System.Management.Automation;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Sync;
using Sveltos.Infrastructure;
using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Commands;

[Cmdlet("Watch", "Drift")]
[OutputType(typeof(DriftResult))]
public sealed class WatchDriftCommand : ProfileClusterCmdlet
{
    /// <summary>Works on one shard of the fleet's clusters ("2/8"), as one job of a CI matrix.</summary>
    [Parameter]
    [ValidateNotNull]
    public FleetShard? Shard { get; set; }

    internal override FleetShard? ShardOfCall => Shard;

    /// <summary>Re-applies each drifted object through the sync's plan and apply, and reports what it did.</summary>
    [Parameter]
    public SwitchParameter Remediate { get; set; }

    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan? Timeout { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxEvents { get; set; }

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        try
        {
            if (SelectClusters(opened) is not { } clusters)
            {
                return;
            }

            // A misspelt profile would be watched forever without a single event: it stops the watch before it starts.
            var deployed = () => (IReadOnlyCollection<string>)Await(token => DeployedAddOns.ListAsync(clusters, 16, (_, _) => { }, token))
                .Select(r => ProfileRefs.Identity(r.Record.Profile))
                .ToList();
            if (ReportUnknownProfiles(opened, deployed))
            {
                return;
            }

            var selection = Profiles;
            var identity = Await(opened.GetIdentityAsync)?.Name;
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
                var options = new DriftWatchOptions { Profiles = selection.Matches, Fleet = identity };
                await new DriftWatcher(clusters, observer, remediator, options).RunAsync(finished.Token).ConfigureAwait(false);
            });
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }
    }
}
