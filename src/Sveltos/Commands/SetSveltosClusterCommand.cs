using System.Collections;
using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Set, "SveltosCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AddRemoveSet)]
[OutputType(typeof(SveltosCluster))]
public sealed class SetSveltosClusterCommand : FleetCmdlet
{
    private const string ReplaceSet = "Replace";
    private const string AddRemoveSet = "AddRemove";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string? Namespace { get; set; }

    /// <summary>Replaces every label.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ReplaceSet)]
    [ValidateNotNull]
    public Hashtable? Label { get; set; }

    [Parameter(ParameterSetName = AddRemoveSet)]
    [ValidateNotNull]
    public Hashtable? AddLabel { get; set; }

    [Parameter(ParameterSetName = AddRemoveSet)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(LabelKeyCompleter))]
    public string[]? RemoveLabel { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

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
            var labels = new Dictionary<string, string>(Label is not null ? PowerShellValues.ToStringMap(Label) : cluster.Labels, StringComparer.Ordinal);
            foreach (var key in RemoveLabel ?? [])
            {
                labels.Remove(key);
            }

            foreach (var (key, value) in PowerShellValues.ToStringMap(AddLabel))
            {
                labels[key] = value;
            }

            var change = string.Join(", ", labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
            if (!ShouldProcess($"{cluster} in {fleet.Description}", $"Set labels to [{change}]"))
            {
                return;
            }

            var updated = Await(token => opened.SetClusterLabelsAsync(cluster, labels, token));
            if (PassThru)
            {
                WriteObject(ClusterMapper.ToOutput(updated, null, fleet.Description));
            }
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.From(ex, Name));
        }
    }
}
