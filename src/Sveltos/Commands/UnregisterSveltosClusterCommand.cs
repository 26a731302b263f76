using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Sync;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsLifecycle.Unregister, "SveltosCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SyncResult))]
public sealed class UnregisterSveltosClusterCommand : FleetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string? Namespace { get; set; }

    /// <summary>Leaves the add-ons in the cluster instead of withdrawing them first.</summary>
    [Parameter]
    public SwitchParameter KeepAddOns { get; set; }

    /// <summary>Unregisters even when the add-ons could not be withdrawn (the cluster is unreachable).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        try
        {
            if (FindCluster(opened, Name, Namespace) is not { } cluster)
            {
                return;
            }
            if (!ShouldProcess($"{cluster} in {fleet.Description}", KeepAddOns ? "Unregister cluster, leaving its add-ons" : "Withdraw add-ons and unregister cluster"))
            {
                return;
            }

            if (!KeepAddOns)
            {
                var failed = false;
                var request = new SyncRequest { Clusters = new HashSet<string> { cluster.ToString() }, Withdrawing = new HashSet<string> { cluster.ToString() }, Force = true };
                RunOffPipeline(async (pump, token) =>
                {
                    // With -Force the cluster goes whatever happens: what could not be withdrawn is a warning, not an error.
                    var output = new PipelineSyncObserver(this, pump, new SyncOutputOptions(SummaryOnly: false, FailuresAsWarnings: Force), "Unregister-SveltosCluster", token);
                    var observer = new FailureTrackingObserver(output);
                    await output.RunAsync(async _ =>
                    {
                        using var plan = await FleetSync.PlanAsync(opened, request, observer, token).ConfigureAwait(false);
                        await plan.ApplyAsync((_, _) => true, observer, token).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                    failed = observer.Failed;
                });
                if (failed && Force)
                {
                    WriteWarning($"Cluster {cluster}: its add-ons could not all be withdrawn; unregistered anyway (-Force), and what was not withdrawn is left in the cluster.");
                }
                else if (failed)
                {
                    WriteError(ErrorRecords.Create(
                        "WithdrawalFailed",
                        ErrorCategory.OperationStopped,
                        $"Cluster {cluster} was not unregistered: its add-ons could not all be withdrawn.",
                        cluster.ToString(),
                        "Fix the errors above and retry, or use -Force (leaves what could not be withdrawn) or -KeepAddOns."));
                    return;
                }
            }

            Await(token => opened.UnregisterClusterAsync(cluster, token));
            WriteVerbose($"Unregistered {cluster} from {fleet.Description}.");
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.From(ex, Name));
        }
    }
}
