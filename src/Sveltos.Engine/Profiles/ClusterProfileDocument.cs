using System.Text.Json;
using System.Text.Json.Nodes;
using Sveltos.Engine.Profiles.Schema;
using Sveltos.Engine.Selection;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// A ClusterProfile or Profile. The whole document is kept as read, key order and unknown fields included, so
/// export gives back the same data; the properties are typed, validated views over it.
/// </summary>
public sealed class ClusterProfileDocument
{
    internal ClusterProfileDocument(YamlMapping root, string source, int? documentIndex, int? line, bool positionsKnown = false)
    {
        Root = root;
        Source = source;
        DocumentIndex = documentIndex;
        Line = line;
        PositionsKnown = positionsKnown;
        Spec = new ProfileSpec(root);
    }

    internal YamlMapping Root { get; }

    /// <summary>True when the tree's line and column numbers are those of <see cref="Source"/> (read from it, not from a copy).</summary>
    internal bool PositionsKnown { get; }

    /// <summary>The file it was read from (as given), or a description such as <c>ClusterProfile/web</c> for built profiles.</summary>
    public string Source { get; }

    /// <summary>0-based position of the document in its file; null for built profiles.</summary>
    public int? DocumentIndex { get; }

    /// <summary>1-based line where the document starts in its file, when read from one.</summary>
    public int? Line { get; }

    /// <summary>Always config.projectsveltos.io/v1beta1 for a valid document.</summary>
    public string ApiVersion => TreeReader.String(Root, "apiVersion") ?? "";

    /// <summary>ClusterProfile or Profile.</summary>
    public ProfileKind Kind => TreeReader.Enum(Root, "kind", ProfileKind.ClusterProfile);

    /// <summary>metadata.name (a DNS subdomain).</summary>
    public string Name
    {
        get => TreeReader.String(Metadata, "name") ?? "";
        set
        {
            if (LabelSyntax.CheckDnsSubdomain(value) is { } problem)
            {
                throw new ArgumentException($"name '{value}' {problem}", nameof(value));
            }

            Metadata.Set("name", YamlScalar.String(value));
        }
    }

    /// <summary>metadata.namespace: set for a Profile, null for a ClusterProfile.</summary>
    public string? Namespace => TreeReader.String(Metadata, "namespace") is { Length: > 0 } ns ? ns : null;

    /// <summary>metadata.labels.</summary>
    public IReadOnlyDictionary<string, string> Labels => TreeReader.StringMap(Metadata, "labels");

    /// <summary>metadata.annotations.</summary>
    public IReadOnlyDictionary<string, string> Annotations => TreeReader.StringMap(Metadata, "annotations");

    /// <summary>The annotation with which Sveltos pauses a profile: while it is set, the profile is neither deployed nor withdrawn anywhere.</summary>
    public const string PausedAnnotation = "profile.projectsveltos.io/paused";

    /// <summary>True while the profile carries <see cref="PausedAnnotation"/>.</summary>
    public bool IsPaused => Annotations.ContainsKey(PausedAnnotation);

    /// <summary>The spec.</summary>
    public ProfileSpec Spec { get; }

    /// <summary><c>ClusterProfile/web</c> or <c>Profile/team-a/web</c>: what two profiles must not share.</summary>
    public string Identity => Kind == ProfileKind.Profile ? $"Profile/{Namespace}/{Name}" : $"ClusterProfile/{Name}";

    private YamlMapping Metadata => (YamlMapping)Root.Get("metadata")!;

    /// <summary>Reads text holding exactly one ClusterProfile or Profile.</summary>
    /// <exception cref="ProfileValidationException">The text holds no profile, several documents, another kind, or an invalid profile.</exception>
    public static ClusterProfileDocument Parse(string yamlOrJson, string source = ProfileImporter.TextSource) =>
        ParseOne(ProfileImporter.ImportText(yamlOrJson, source), source);

    /// <summary>
    /// Reads text holding exactly one profile that was first read from <paramref name="source"/> at
    /// <paramref name="documentIndex"/> (e.g. a copy kept as text by a caller), so that its problems and
    /// duplicate-name messages still name the original location. Lines counted in the copy would not match the
    /// original file, so its problems give none.
    /// </summary>
    /// <exception cref="ProfileValidationException">The text holds no profile, several documents, another kind, or an invalid profile.</exception>
    public static ClusterProfileDocument Parse(string yamlOrJson, string source, int? documentIndex, int? line)
    {
        try
        {
            var parsed = ParseOne(ProfileImporter.ImportCopy(yamlOrJson, source), source);
            return new ClusterProfileDocument(parsed.Root, source, documentIndex, line);
        }
        catch (ProfileValidationException e)
        {
            throw new ProfileValidationException(e.Problems.Select(p => p with { DocumentIndex = documentIndex, Line = null, Column = null }).ToList());
        }
    }

    private static ClusterProfileDocument ParseOne(IReadOnlyList<ProfileImportResult> results, string source)
    {
        if (results is [{ Profile: { } profile }])
        {
            return profile;
        }

        var problems = results.SelectMany(r => r.Problems).ToList();
        if (problems.Count == 0)
        {
            var problem = results.Count == 0 ? "no ClusterProfile or Profile found" : "expected one document, found several";
            problems.Add(new ProfileProblem(ProfileErrorIds.MalformedYaml, source, null, "", problem));
        }

        throw new ProfileValidationException(problems);
    }

    /// <summary>Checks the document again (e.g. after changes) and returns every problem; empty when valid.</summary>
    public IReadOnlyList<ProfileProblem> Validate() =>
        ProfileValidator.Validate(Root, Kind, PositionsKnown).Select(p => ProblemFactory.From(p, Source, DocumentIndex)).ToList();

    /// <summary>The document as YAML. Exporting what this returns, once imported, gives the same text.</summary>
    public string ToYaml() => YamlDocumentWriter.Write(Root);

    /// <summary>The document as a JSON tree with the original key order, ready for a Kubernetes API.</summary>
    public JsonObject ToJsonObject() => JsonTreeConverter.ToJsonObject(Root);

    /// <summary>The document as JSON text.</summary>
    public string ToJson(bool indented = false) =>
        ToJsonObject().ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

    /// <summary>An independent copy; changes to one do not affect the other.</summary>
    public ClusterProfileDocument Clone() => new((YamlMapping)Root.DeepClone(), Source, DocumentIndex, Line, PositionsKnown);

    /// <inheritdoc/>
    public override string ToString() => Identity;
}
