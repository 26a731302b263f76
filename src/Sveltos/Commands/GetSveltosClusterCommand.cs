using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Selection;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Get, "SveltosCluster")]
[OutputType(typeof(SveltosCluster))]
public sealed class GetSveltosClusterCommand : FleetCmdlet
{
    private readonly List<string> names = [];
    private LabelSelector? selector;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Namespace { get; set; }

    [Parameter]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public object? Selector { get; set; }

    [Parameter]
    public SwitchParameter SkipConnectionCheck { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            selector = ClusterSelection.Parse(Selector);
        }
        catch (Exception ex) when (ex is SelectorParseException or ArgumentException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, Selector));
        }
    }

    protected override void ProcessRecord() => names.AddRange(Name ?? []);

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        IReadOnlyList<FleetCluster> clusters = [];
        try
        {
            clusters = Await(opened.GetClustersAsync);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }

        if (opened is KubeconfigFleet kubeconfigFleet)
        {
            foreach (var unusable in kubeconfigFleet.Listings.Where(l => l.Error is not null))
            {
                WriteError(ErrorRecords.From(unusable.Error!, unusable.Context));
            }
        }

        var selected = Select(clusters, fleet);
        if (SkipConnectionCheck)
        {
            foreach (var cluster in selected)
            {
                WriteObject(ClusterMapper.ToOutput(cluster, null, fleet.Description));
            }

            return;
        }

        var progress = new ProgressRecord(1, "Get-SveltosCluster", $"Probing {selected.Count} cluster(s)");
        WriteProgress(progress);
        try
        {
            var health = Await(token => ClusterProbe.ProbeAsync(selected, parallelism: 32, token));
            foreach (var cluster in selected)
            {
                WriteObject(ClusterMapper.ToOutput(cluster, health[cluster.Key], fleet.Description));
            }
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }

    private IReadOnlyList<FleetCluster> Select(IReadOnlyList<FleetCluster> clusters, SveltosFleet fleet)
    {
        var inScope = clusters.Where(c => selector!.Matches(c.Labels) && NameFilter.Matches(Namespace, c.Namespace)).ToList();
        return ClusterResolver.Resolve(this, inScope, names.Select(SveltosCluster.Named).ToList(), fleet.Description) ?? inScope;
    }
}
