using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Fleet;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Get, "ClusterClassifier")]
[OutputType(typeof(ClusterClassifier))]
public sealed class GetClusterClassifierCommand : FleetCmdlet
{
    private readonly HashSet<string> written = new(StringComparer.Ordinal);
    private FleetClassifiers? classifiers;
    private SveltosFleet? fleet;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClassifierNameCompleter))]
    public string[]? Name { get; set; }

    protected override void BeginProcessing()
    {
        fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        try
        {
            classifiers = Await(opened.GetClassifiersAsync);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }

        foreach (var problems in ProfileProblems.PerDocument(classifiers!.Problems))
        {
            ProfileProblems.Report(this, problems);
        }
    }

    protected override void ProcessRecord()
    {
        var all = classifiers!.Classifiers.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        foreach (var name in Name ?? ["*"])
        {
            var matches = all.Where(c => NameFilter.Matches([name], c.Name)).ToList();
            foreach (var classifier in matches.Where(c => written.Add(c.Name)))
            {
                var inDirectory = fleet!.Kind == nameof(FleetKind.Directory);
                var source = classifier.DocumentIndex is null || !inDirectory ? classifier.Source : $"{classifier.Source}[{classifier.DocumentIndex}]";
                WriteObject(ClassifierMapper.ToOutput(classifier, source, null, fleet.Description));
            }

            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name) && !classifiers.InvalidNames.Contains(name))
            {
                WriteError(ErrorRecords.Create("ClassifierNotFound", ErrorCategory.ObjectNotFound, $"Classifier '{name}' was not found in {fleet!.Description}.", name, "Run Get-ClusterClassifier without -Name to list the classifiers."));
            }
        }
    }
}
