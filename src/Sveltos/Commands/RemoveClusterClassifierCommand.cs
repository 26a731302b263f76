using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Fleet;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Remove, "ClusterClassifier", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
public sealed class RemoveClusterClassifierCommand : FleetCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    private IFleet? opened;
    private SveltosFleet? fleet;
    private FleetClassifiers? classifiers;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClassifierNameCompleter))]
    public string[] Name { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ClusterClassifier[] InputObject { get; set; } = [];

    protected override void BeginProcessing()
    {
        fleet = ResolveFleet();
        opened = OpenFleet(fleet);
        try
        {
            classifiers = Await(opened.GetClassifiersAsync);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }
    }

    protected override void ProcessRecord()
    {
        var names = ParameterSetName == InputObjectSet ? InputObject.Select(c => c.Name).ToArray() : Name;
        foreach (var name in names)
        {
            // Invalid classifiers can be removed by name too: removing is how a broken one is got rid of.
            var matches = classifiers!.Classifiers.Select(c => c.Name).Concat(classifiers.InvalidNames)
                .Where(n => NameFilter.Matches([name], n))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var match in matches)
            {
                Remove(match);
            }

            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteError(ErrorRecords.Create(
                    "ClassifierNotFound",
                    ErrorCategory.ObjectNotFound,
                    $"Classifier '{name}' was not found in {fleet!.Description}.",
                    name,
                    "Run Get-ClusterClassifier to list the classifiers that exist."));
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            opened?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Remove(string name)
    {
        if (!ShouldProcess($"Classifier/{name} in {fleet!.Description}", "Remove"))
        {
            return;
        }

        try
        {
            Await(token => opened!.RemoveClassifierAsync(name, token));
            WriteVerbose($"Removed Classifier/{name} from {fleet.Description}; the next classification withdraws the labels it set.");
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.From(ex, name));
        }
    }
}
