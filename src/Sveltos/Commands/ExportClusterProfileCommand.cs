using System.Management.Automation;
using System.Text;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsData.Export, "ClusterProfile", SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class ExportClusterProfileCommand : SveltosCmdlet
{
    private readonly List<ClusterProfileDocument> profiles = [];
    private bool invalid;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ClusterProfile[] InputObject { get; set; } = [];

    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var profile in InputObject)
        {
            try
            {
                profiles.Add(ProfileMapper.ToDocument(profile));
            }
            catch (ProfileValidationException e)
            {
                invalid = true;
                ProfileProblems.Report(this, e.Problems, profile);
            }
        }
    }

    protected override void EndProcessing()
    {
        // A file with two profiles of one name would not import again: write nothing rather than half a fleet.
        var duplicates = ProfileImporter.FindDuplicateNames(profiles);
        foreach (var problem in duplicates)
        {
            ProfileProblems.Report(this, [problem]);
        }

        if (invalid || duplicates.Count > 0)
        {
            WriteVerbose("Nothing was exported: correct the profiles reported above.");
            return;
        }

        if (profiles.Count == 0)
        {
            return;
        }

        var yaml = ProfileExporter.ToYaml(profiles);
        if (Path is null)
        {
            WriteObject(yaml);
            return;
        }

        var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(file) && NoClobber)
        {
            WriteError(ErrorRecords.Create(
                "FileExists",
                ErrorCategory.ResourceExists,
                $"The file '{file}' already exists and -NoClobber was given.",
                file,
                "Choose another path, or leave out -NoClobber to replace the file."));
            return;
        }

        if (!ShouldProcess(file, $"Export {profiles.Count} profile(s)"))
        {
            return;
        }

        try
        {
            if (Force && File.Exists(file) && File.GetAttributes(file).HasFlag(FileAttributes.ReadOnly))
            {
                File.SetAttributes(file, File.GetAttributes(file) & ~FileAttributes.ReadOnly);
            }

            File.WriteAllText(file, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            WriteVerbose($"Exported {string.Join(", ", profiles.Select(p => p.Identity))} to {file}.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.Create(
                "ExportFailed",
                ErrorCategory.WriteError,
                $"Cannot write '{file}': {ex.Message}",
                file,
                "Check that the folder exists and is writable; use -Force to replace a read-only file."));
        }
    }
}
