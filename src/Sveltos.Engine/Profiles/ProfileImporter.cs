using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// Reads ClusterProfile/Profile documents from YAML or JSON (several per file, separated by <c>---</c>). Every
/// document gives one result; problems are collected, not thrown. Document indexes are 0-based and count every
/// document in the file, empty ones included, so <c>prod.yaml[2]</c> is the third document of prod.yaml.
/// </summary>
public static class ProfileImporter
{
    /// <summary>The source name used for text that did not come from a file.</summary>
    public const string TextSource = "<text>";

    /// <summary>Imports every document of <paramref name="text"/>; empty documents give no result.</summary>
    public static IReadOnlyList<ProfileImportResult> ImportText(string text, string source = TextSource)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Import(new StringReader(text), source);
    }

    /// <summary>
    /// Imports a Kubernetes object already read (e.g. from a management cluster) as one document. Its problems give
    /// no line: the object has no text of its own to point into.
    /// </summary>
    public static ProfileImportResult ImportObject(JsonObject item, string source)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(source);
        return ImportDocument(new YamlReadDocument(0, 0, ObjectTreeConverter.FromObject(item), null), source, positionsKnown: false);
    }

    /// <summary>Imports a copy of a document first read elsewhere: its lines are not those of the original, so problems give none.</summary>
    internal static IReadOnlyList<ProfileImportResult> ImportCopy(string text, string source) => Import(new StringReader(text), source, positionsKnown: false);

    /// <summary>Imports every document of a UTF-8 (or BOM-marked UTF-16/32) stream.</summary>
    public static IReadOnlyList<ProfileImportResult> ImportStream(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Import(reader, source);
    }

    /// <summary>
    /// Imports every document of a file. Messages name the file as <paramref name="displayName"/>, or as
    /// <paramref name="path"/> was given. An unreadable file gives one Invalid result with a <c>ProfileFileUnreadable</c> problem.
    /// </summary>
    public static IReadOnlyList<ProfileImportResult> ImportFile(string path, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var source = displayName ?? path;
        try
        {
            using var stream = File.OpenRead(path);
            return ImportStream(stream, source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var problem = new ProfileProblem(ProfileErrorIds.ProfileFileUnreadable, source, null, "", $"cannot read the file: {e.Message}");
            return [new ProfileImportResult(source, 0, 0, ImportOutcome.Invalid, null, null, [problem])];
        }
    }

    /// <summary>
    /// Finds profiles of the same kind sharing a name (and, for Profile, a namespace): one <c>DuplicateProfileName</c>
    /// problem for each later occurrence, naming where the first one is.
    /// </summary>
    public static IReadOnlyList<ProfileProblem> FindDuplicateNames(IEnumerable<ClusterProfileDocument> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var first = new Dictionary<string, ClusterProfileDocument>(StringComparer.Ordinal);
        var problems = new List<ProfileProblem>();
        foreach (var profile in profiles)
        {
            if (first.TryAdd(profile.Identity, profile))
            {
                continue;
            }

            var original = first[profile.Identity];
            var shown = profile.Kind == ProfileKind.Profile ? $"{profile.Namespace}/{profile.Name}" : profile.Name;
            problems.Add(new ProfileProblem(
                ProfileErrorIds.DuplicateProfileName,
                profile.Source,
                profile.DocumentIndex,
                "metadata.name",
                $"{profile.Kind} '{shown}' is already defined in {Locate(original)}",
                profile.Line));
        }

        return problems;
    }

    private static string Locate(ClusterProfileDocument profile) =>
        profile.DocumentIndex is null ? profile.Source : $"{profile.Source}[{profile.DocumentIndex}]";

    private static List<ProfileImportResult> Import(TextReader reader, string source, bool positionsKnown = true) =>
        YamlDocumentReader.Read(reader).Where(d => !d.IsEmpty).Select(d => ImportDocument(d, source, positionsKnown)).ToList();

    private static ProfileImportResult ImportDocument(YamlReadDocument document, string source, bool positionsKnown)
    {
        ProfileImportResult Invalid(YamlMapping? root, IReadOnlyList<ProfileProblem> problems) =>
            new(source, document.Index, document.Line, ImportOutcome.Invalid, root, null, problems);

        ProfileProblem Problem(string errorId, string path, string message, int? line = null, int? column = null) =>
            positionsKnown && line > 0 ? new(errorId, source, document.Index, path, message, line, column) : new(errorId, source, document.Index, path, message);

        if (document.Error is { } error)
        {
            return Invalid(null, [Problem(ProfileErrorIds.MalformedYaml, "", $"{error.Message} (line {error.Line}, column {error.Column})", error.Line, error.Column)]);
        }

        if (document.Root is not YamlMapping root)
        {
            return Invalid(null, [Problem(ProfileErrorIds.MalformedYaml, "", $"expected a Kubernetes object (a mapping), got {document.Root!.Describe()}", document.Line)]);
        }

        var kindNode = root.Get("kind");
        if (kindNode is null or YamlScalar { IsNull: true })
        {
            return Invalid(root, [Problem(ProfileErrorIds.MissingProfileField, "kind", "required field is missing", document.Line)]);
        }

        if (kindNode is not YamlScalar { Value: string kindName } || !Enum.TryParse<ProfileKind>(kindName, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            var apiVersion = TreeReader.String(root, "apiVersion") ?? "no apiVersion";
            var shown = kindNode is YamlScalar kindScalar ? kindScalar.Text : kindNode.Describe();
            var unsupported = Problem(
                ProfileErrorIds.UnsupportedKind,
                "kind",
                $"'{shown}' ({apiVersion}) is not a ClusterProfile or Profile",
                kindNode.Line,
                kindNode.Column);
            return new ProfileImportResult(source, document.Index, document.Line, ImportOutcome.OtherKind, root, null, [unsupported]);
        }

        var problems = ProfileValidator.Validate(root, kind, positionsKnown).Select(p => ProblemFactory.From(p, source, document.Index)).ToList();
        if (problems.Count > 0)
        {
            return Invalid(root, problems);
        }

        var profile = new ClusterProfileDocument(root, source, document.Index, document.Line > 0 ? document.Line : null, positionsKnown);
        return new ProfileImportResult(source, document.Index, document.Line, ImportOutcome.Profile, root, profile, []);
    }
}
