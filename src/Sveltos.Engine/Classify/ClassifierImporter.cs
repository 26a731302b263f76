using System.Text;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Classify;

/// <summary>One document read by <see cref="ClassifierImporter"/>: a classifier, another kind, or the problems that stopped it.</summary>
public sealed record ClassifierImportResult(
    string Source,
    int DocumentIndex,
    int Line,
    ImportOutcome Outcome,
    string? Kind,
    string? ApiVersion,
    string? Name,
    ClassifierDocument? Classifier,
    IReadOnlyList<ProfileProblem> Problems);

/// <summary>
/// Reads Classifier documents from YAML or JSON (several per file), like <see cref="ProfileImporter"/> reads
/// profiles: every document gives one result, problems are located as <c>file[index] field.path: problem</c>.
/// </summary>
public static class ClassifierImporter
{
    public static IReadOnlyList<ClassifierImportResult> ImportText(string text, string source = ProfileImporter.TextSource) =>
        Import(new StringReader(text), source);

    public static IReadOnlyList<ClassifierImportResult> ImportFile(string path, string? displayName = null)
    {
        var source = displayName ?? path;
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Import(reader, source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var problem = new ProfileProblem(ProfileErrorIds.ProfileFileUnreadable, source, null, "", $"cannot read the file: {e.Message}");
            return [new ClassifierImportResult(source, 0, 0, ImportOutcome.Invalid, null, null, null, null, [problem])];
        }
    }

    /// <summary>Imports a copy of a document first read elsewhere: its lines are not those of the original, so problems give none.</summary>
    internal static IReadOnlyList<ClassifierImportResult> ImportCopy(string text, string source) => Import(new StringReader(text), source, positionsKnown: false);

    private static List<ClassifierImportResult> Import(TextReader reader, string source, bool positionsKnown = true) =>
        YamlDocumentReader.Read(reader).Where(d => !d.IsEmpty).Select(d => ImportDocument(d, source, positionsKnown)).ToList();

    private static ClassifierImportResult ImportDocument(YamlReadDocument document, string source, bool positionsKnown)
    {
        ProfileProblem Problem(string errorId, string path, string message, int? line = null, int? column = null) =>
            new(errorId, source, document.Index, path, message, line, column);

        if (document.Error is { } error)
        {
            return new(source, document.Index, document.Line, ImportOutcome.Invalid, null, null, null, null,
                [Problem(ProfileErrorIds.MalformedYaml, "", $"{error.Message} (line {error.Line}, column {error.Column})", error.Line, error.Column)]);
        }

        if (document.Root is not YamlMapping root)
        {
            return new(source, document.Index, document.Line, ImportOutcome.Invalid, null, null, null, null,
                [Problem(ProfileErrorIds.MalformedYaml, "", $"expected a Kubernetes object (a mapping), got {document.Root!.Describe()}", document.Line)]);
        }

        var kind = TreeReader.String(root, "kind");
        var apiVersion = TreeReader.String(root, "apiVersion");
        var name = TreeReader.String(root.Get("metadata") as YamlMapping, "name");
        if (kind != ClassifierSchema.Kind)
        {
            var other = Problem(ProfileErrorIds.UnsupportedKind, "kind", $"'{kind}' ({apiVersion ?? "no apiVersion"}) is not a Classifier", document.Line);
            return new(source, document.Index, document.Line, ImportOutcome.OtherKind, kind, apiVersion, name, null, [other]);
        }

        var problems = ClassifierValidator.Validate(root, positionsKnown).Select(p => ProblemFactory.From(p, source, document.Index)).ToList();
        return problems.Count > 0
            ? new(source, document.Index, document.Line, ImportOutcome.Invalid, kind, apiVersion, name, null, problems)
            : new(source, document.Index, document.Line, ImportOutcome.Profile, kind, apiVersion, name, new ClassifierDocument(root, source, document.Index, document.Line), []);
    }
}
