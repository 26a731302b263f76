using System.Management.Automation;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsData.Import, "ClusterClassifier")]
[OutputType(typeof(ClusterClassifier))]
public sealed class ImportClusterClassifierCommand : SveltosCmdlet
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];
    private readonly Dictionary<string, ClassifierDocument> imported = new(StringComparer.Ordinal);
    private readonly HashSet<string> readFiles = new(StringComparer.Ordinal);

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            IEnumerable<string> files;
            try
            {
                files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _).SelectMany(Expand).ToList();
            }
            catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
            {
                WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                continue;
            }

            foreach (var file in files.Where(readFiles.Add))
            {
                ImportFile(file);
            }
        }
    }

    private void ImportFile(string file)
    {
        var here = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        var relative = System.IO.Path.GetRelativePath(here, file);
        var display = relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? file : relative;
        WriteVerbose($"Reading {display}.");
        foreach (var result in ClassifierImporter.ImportFile(file, display))
        {
            var location = $"{result.Source}[{result.DocumentIndex}]";
            if (result.Classifier is { } classifier)
            {
                if (imported.TryGetValue(classifier.Name, out var first))
                {
                    ProfileProblems.Report(this, ClassifierDocument.FindDuplicateNames([first, classifier]), location);
                    continue;
                }

                imported[classifier.Name] = classifier;
                WriteObject(ClassifierMapper.ToOutput(classifier, location, file));
            }
            else if (result.Outcome == ImportOutcome.Invalid)
            {
                ProfileProblems.Report(this, result.Problems, location);
            }
            else
            {
                WriteVerbose($"{location}: skipped {result.Kind} ({result.ApiVersion ?? "no apiVersion"}), not a Classifier.");
            }
        }
    }

    private static IEnumerable<string> Expand(string resolved) =>
        Directory.Exists(resolved)
            ? Directory.EnumerateFiles(resolved, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [resolved];
}
