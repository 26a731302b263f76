using System.Text.Json.Nodes;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>One document of an imported file: the profile, another kind of object, or the problems that stopped it.</summary>
public sealed class ProfileImportResult
{
    private readonly YamlMapping? _root;

    internal ProfileImportResult(string source, int documentIndex, int line, ImportOutcome outcome, YamlMapping? root, ClusterProfileDocument? profile, IReadOnlyList<ProfileProblem> problems)
    {
        Source = source;
        DocumentIndex = documentIndex;
        Line = line;
        Outcome = outcome;
        _root = root;
        Profile = profile;
        Problems = problems;
    }

    /// <summary>The file (as given) or the description of the text.</summary>
    public string Source { get; }

    /// <summary>0-based position of the document in the file, counting every <c>---</c>.</summary>
    public int DocumentIndex { get; }

    /// <summary>1-based line where the document starts.</summary>
    public int Line { get; }

    /// <summary>What the document is.</summary>
    public ImportOutcome Outcome { get; }

    /// <summary>The profile, when <see cref="Outcome"/> is <see cref="ImportOutcome.Profile"/>.</summary>
    public ClusterProfileDocument? Profile { get; }

    /// <summary>
    /// Every problem found. For <see cref="ImportOutcome.OtherKind"/> it holds one <c>UnsupportedKind</c> problem,
    /// so a caller that does not skip other kinds can report it as is.
    /// </summary>
    public IReadOnlyList<ProfileProblem> Problems { get; }

    /// <summary>The document's apiVersion, when it has a readable one.</summary>
    public string? ApiVersion => TreeReader.String(_root, "apiVersion");

    /// <summary>The document's kind, when it has a readable one.</summary>
    public string? Kind => TreeReader.String(_root, "kind");

    /// <summary>metadata.name, when readable.</summary>
    public string? Name => TreeReader.String(_root?.Get("metadata") as YamlMapping, "name");

    /// <summary>metadata.namespace, when readable.</summary>
    public string? Namespace => TreeReader.String(_root?.Get("metadata") as YamlMapping, "namespace");

    /// <summary>The document as a JSON tree (any kind), or null when it could not be read as a mapping.</summary>
    public JsonObject? ToJsonObject() => _root is null ? null : JsonTreeConverter.ToJsonObject(_root);

    /// <summary>The document as YAML (any kind), or null when it could not be read as a mapping.</summary>
    public string? ToYaml() => _root is null ? null : YamlDocumentWriter.Write(_root);

    /// <inheritdoc/>
    public override string ToString() => $"{Source}[{DocumentIndex}] {Outcome}";
}
