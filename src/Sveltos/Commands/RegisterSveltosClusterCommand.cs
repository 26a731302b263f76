using System.Collections;
using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Fleet;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsLifecycle.Register, "SveltosCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SveltosCluster))]
public sealed class RegisterSveltosClusterCommand : FleetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    public string Namespace { get; set; } = "default";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    public string? Context { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable Label { get; set; } = [];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        var context = Context ?? Name;
        var labels = PowerShellValues.ToStringMap(Label);
        var target = $"{Namespace}/{Name} (context '{context}') in {fleet.Description}";
        try
        {
            var existing = Await(opened.GetClustersAsync).FirstOrDefault(c => c.Namespace == Namespace && c.Name == Name);
            if (existing is not null && !Force)
            {
                WriteError(ErrorRecords.Create(
                    "ClusterAlreadyRegistered",
                    ErrorCategory.ResourceExists,
                    $"Cluster {Namespace}/{Name} is already registered in {fleet.Description}.",
                    $"{Namespace}/{Name}",
                    "Use Set-SveltosCluster to change its labels, or -Force to register it again with a new connection."));
                return;
            }

            var crdsReady = EnsureCrds(opened, SveltosCrds.SveltosCluster);
            if (!ShouldProcess(target, "Register cluster") || !crdsReady)
            {
                return;
            }

            var connection = new ContextConnection(context, PathResolver.Resolve(this, Kubeconfig));
            WriteVerbose($"Checking that {Namespace}/{Name} answers through context '{context}'.");
            var health = Await(token => ClusterProbe.ProbeAsync(connection, token));
            if (health.Status != ConnectionStatus.Healthy)
            {
                WriteWarning($"Cluster {Namespace}/{Name} is registered but not ready: {health.Message}");
            }

            var registration = new ClusterRegistration(Namespace, Name, labels, connection, health.Status == ConnectionStatus.Healthy, health.KubernetesVersion);
            var registered = Await(token => opened.RegisterClusterAsync(registration, token));
            WriteObject(ClusterMapper.ToOutput(registered, health, fleet.Description));
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.From(ex, $"{Namespace}/{Name}"));
        }
    }

}
