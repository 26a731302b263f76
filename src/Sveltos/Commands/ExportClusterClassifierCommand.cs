using System.Management.Automation;
using System.Text;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsData.Export, "ClusterClassifier", SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class ExportClusterClassifierCommand : SveltosCmdlet
{
    private readonly List<ClassifierDocument> classifiers = [];
    private bool invalid;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ClusterClassifier[] InputObject { get; set; } = [];

    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var classifier in InputObject)
        {
            try
            {
                classifiers.Add(ClassifierMapper.ToDocument(classifier));
            }
            catch (ProfileValidationException e)
            {
                invalid = true;
                ProfileProblems.Report(this, e.Problems, classifier);
            }
        }
    }

    protected override void EndProcessing()
    {
        var duplicates = ClassifierDocument.FindDuplicateNames(classifiers);
        foreach (var problem in duplicates)
        {
            ProfileProblems.Report(this, [problem]);
        }

        if (invalid || duplicates.Count > 0 || classifiers.Count == 0)
        {
            return;
        }

        var yaml = ClassifierDocument.ToYaml(classifiers);
        if (Path is null)
        {
            WriteObject(yaml);
            return;
        }

        var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(file) && NoClobber)
        {
            WriteError(ErrorRecords.Create("FileExists", ErrorCategory.ResourceExists, $"The file '{file}' already exists and -NoClobber was given.", file, "Choose another path, or leave out -NoClobber to replace the file."));
            return;
        }

        if (!ShouldProcess(file, $"Export {classifiers.Count} classifier(s)"))
        {
            return;
        }

        try
        {
            File.WriteAllText(file, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.Create("ExportFailed", ErrorCategory.WriteError, $"Cannot write '{file}': {ex.Message}", file, "Check that the folder exists and is writable."));
        }
    }
}
