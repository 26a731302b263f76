using System.Collections.ObjectModel;
using System.Management.Automation;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsData.Import, "ClusterProfile", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ClusterProfile))]
public sealed class ImportClusterProfileCommand : SveltosCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private static readonly string[] ProfileExtensions = [".yaml", ".yml", ".json"];

    // The first profile of each identity, so a later one with the same name is reported against it.
    private readonly Dictionary<string, ClusterProfileDocument> imported = new(StringComparer.Ordinal);
    private readonly HashSet<string> readFiles = new(StringComparer.Ordinal);

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var file in ParameterSetName == LiteralPathSet ? LiteralPath.SelectMany(ResolveLiteral) : Path.SelectMany(ResolveWildcard))
        {
            // The same file named twice (a folder and a file in it) is read once, not reported as duplicates of itself.
            if (readFiles.Add(file))
            {
                ImportFile(file);
            }
        }
    }

    private void ImportFile(string file)
    {
        var display = Display(file);
        WriteVerbose($"Reading {display}.");
        foreach (var result in ProfileImporter.ImportFile(file, display))
        {
            var location = $"{result.Source}[{result.DocumentIndex}]";
            switch (result.Outcome)
            {
                case ImportOutcome.OtherKind when MisspelledProfile(result):
                    ProfileProblems.Report(this, result.Problems, location);
                    break;
                case ImportOutcome.OtherKind:
                    WriteVerbose($"{location}: skipped {result.Kind} ({result.ApiVersion ?? "no apiVersion"}), not a ClusterProfile or Profile.");
                    break;
                case ImportOutcome.Invalid:
                    ProfileProblems.Report(this, result.Problems, location);
                    break;
                case ImportOutcome.Profile when result.Profile is { } profile:
                    if (imported.TryGetValue(profile.Identity, out var first))
                    {
                        ProfileProblems.Report(this, ProfileImporter.FindDuplicateNames([first, profile]), location);
                        break;
                    }

                    imported[profile.Identity] = profile;
                    WriteObject(ProfileMapper.ToOutput(profile, location, file));
                    break;
            }
        }
    }

    // Other kinds are skipped, but a Sveltos config object whose kind is one typo away from a profile was meant to be one.
    private static bool MisspelledProfile(ProfileImportResult result) =>
        result.ApiVersion?.StartsWith("config.projectsveltos.io/", StringComparison.Ordinal) == true
        && result.Kind is { } kind
        && new[] { nameof(ProfileKind.ClusterProfile), nameof(ProfileKind.Profile) }.Any(k => NameSuggestions.EditDistance(kind.ToLowerInvariant(), k.ToLowerInvariant()) <= 2);

    private IEnumerable<string> ResolveWildcard(string path)
    {
        Collection<string> resolved;
        ProviderInfo provider;
        try
        {
            resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
        {
            WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, path));
            return [];
        }

        if (!IsFileSystem(provider, path))
        {
            return [];
        }

        if (resolved.Count == 0 && WildcardPattern.ContainsWildcardCharacters(path))
        {
            WriteVerbose($"'{path}' matches no file.");
        }

        return resolved.SelectMany(p => Expand(p, path)).ToList();
    }

    private IEnumerable<string> ResolveLiteral(string path)
    {
        ProviderInfo provider;
        string resolved;
        try
        {
            resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception ex) when (ex is System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
        {
            WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, path));
            return [];
        }

        if (!IsFileSystem(provider, path))
        {
            return [];
        }

        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            WriteError(ErrorRecords.Create("PathNotFound", ErrorCategory.ObjectNotFound, $"Cannot find path '{resolved}' because it does not exist.", path));
            return [];
        }

        return Expand(resolved, path).ToList();
    }

    // A folder stands for every YAML and JSON file below it, in a stable order.
    private static IEnumerable<string> Expand(string resolved, string given) =>
        Directory.Exists(resolved)
            ? Directory.EnumerateFiles(resolved, "*", SearchOption.AllDirectories)
                .Where(f => ProfileExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [resolved];

    private bool IsFileSystem(ProviderInfo provider, string path)
    {
        if (provider.Name == "FileSystem")
        {
            return true;
        }

        WriteError(ErrorRecords.Create(
            "NotAFileSystemPath",
            ErrorCategory.InvalidArgument,
            $"'{path}' is a {provider.Name} path; profiles are read from files.",
            path));
        return false;
    }

    // Messages name files relative to the current location when they are below it, as the user typed them.
    private string Display(string file)
    {
        var here = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        var relative = System.IO.Path.GetRelativePath(here, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? file : relative;
    }
}
