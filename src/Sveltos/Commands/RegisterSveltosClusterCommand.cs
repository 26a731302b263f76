using System.Collections;
using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
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

            var kubeconfig = PathResolver.Resolve(this, Kubeconfig);
            if (!ContextExists(context, kubeconfig))
            {
                return;
            }

            var crdsReady = EnsureCrds(opened, SveltosCrds.SveltosCluster);
            if (!ShouldProcess(target, "Register cluster") || !crdsReady)
            {
                return;
            }

            var connection = new ContextConnection(context, kubeconfig);
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

    // A cluster whose context does not exist could never be reached: it is refused, not registered as "not ready".
    private bool ContextExists(string context, string[]? kubeconfig)
    {
        var loaded = KubeconfigLoader.Load(kubeconfig);
        if (loaded.Contexts.ContainsKey(context))
        {
            return true;
        }

        var contexts = loaded.Contexts.Keys.Order(StringComparer.Ordinal).ToList();
        var listed = contexts.Count == 0 ? "it has none"
            : $"its contexts are {string.Join(", ", contexts.Take(20).Select(c => $"'{c}'"))}{(contexts.Count > 20 ? $" and {contexts.Count - 20} more" : "")}";
        WriteError(ErrorRecords.Create(
            "KubeconfigContextNotFound",
            ErrorCategory.ObjectNotFound,
            $"Cluster {Namespace}/{Name} was not registered: context '{context}' is not in the kubeconfig ({string.Join(", ", loaded.Files.Select(f => $"'{f}'"))}); {listed}.{NameSuggestions.DidYouMean(context, contexts)}",
            context,
            "Pass -Context with a context of the kubeconfig, or -Kubeconfig with the file that defines it."));
        return false;
    }

}
