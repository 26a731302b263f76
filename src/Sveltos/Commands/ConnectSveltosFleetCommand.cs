using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Fleet;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommunications.Connect, "SveltosFleet", DefaultParameterSetName = PathSet)]
[OutputType(typeof(SveltosFleet))]
public sealed class ConnectSveltosFleetCommand : SveltosCmdlet
{
    private const string PathSet = "Path";
    private const string ContextSet = "Context";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ContextSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    public string Context { get; set; } = "";

    [Parameter]
    [Alias("KubeconfigPath")]
    [ValidateNotNullOrEmpty]
    public string[]? Kubeconfig { get; set; }

    protected override void EndProcessing()
    {
        var kubeconfig = PathResolver.Resolve(this, Kubeconfig);
        var fleet = ParameterSetName == PathSet
            ? FleetConnections.Directory(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), kubeconfig)
            : FleetConnections.ManagementCluster(Context, kubeconfig);
        try
        {
            Await(token => CheckAsync(fleet, token));
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }

        FleetSession.Set(fleet);
        WriteVerbose($"Connected to {fleet.Description}.");
        WriteObject(fleet);
    }

    private static async Task CheckAsync(SveltosFleet fleet, CancellationToken token)
    {
        // Reading the clusters proves the fleet is there and readable before the session relies on it.
        using var opened = FleetConnections.Target(fleet).Open(ClusterProbe.ProbeOptions);
        await opened.GetClustersAsync(token).ConfigureAwait(false);
    }
}
