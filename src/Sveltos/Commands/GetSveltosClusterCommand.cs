using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Get, "SveltosCluster")]
[OutputType(typeof(SveltosCluster))]
public sealed class GetSveltosClusterCommand : PSCmdlet
{
    private IReadOnlyList<SveltosCluster> clusters = [];

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter]
    [Alias("KubeconfigPath")]
    [ValidateNotNullOrEmpty]
    public string[]? Kubeconfig { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            clusters = KubeconfigClusters.Load(PathResolver.Resolve(this, Kubeconfig), this);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, Kubeconfig));
        }
    }

    protected override void ProcessRecord()
    {
        if (Name is null)
        {
            foreach (var cluster in clusters)
            {
                WriteObject(cluster);
            }

            return;
        }

        foreach (var name in Name)
        {
            var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            var found = false;
            foreach (var cluster in clusters.Where(c => pattern.IsMatch(c.Name)))
            {
                found = true;
                WriteObject(cluster);
            }

            if (!found && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteError(ErrorRecords.Create(
                    "ClusterNotFound",
                    ErrorCategory.ObjectNotFound,
                    $"Cluster '{name}' was not found.",
                    name,
                    "Run Get-SveltosCluster without -Name to list the clusters that exist."));
            }
        }
    }
}
