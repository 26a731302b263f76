using System.Text.Json.Nodes;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// What Helm reads of a rendered document (releaseutil.SimpleHead: apiVersion, kind, metadata.name and
/// metadata.annotations, decoded YAML → JSON → Go struct, so a wrongly typed field is an error), plus the namespace.
/// sigs.k8s.io/yaml's non-strict Unmarshal takes a key given twice, the last value winning, and so do these readers.
/// </summary>
public sealed record ManifestHead(string ApiVersion, string Kind, string Name, string? Namespace, IReadOnlyDictionary<string, string>? Annotations)
{
    private const string MetadataType = "struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }";

    /// <summary>The document as a JSON tree (null for an empty one); parsed anew on each call, so callers own it.</summary>
    public static JsonNode? ToObject(string document) =>
        YamlDocumentReader.Read(document, lastKeyWins: true) is [{ Root: { } root, Error: null }, ..] && root is not YamlScalar { IsNull: true } ? JsonTreeConverter.ToJson(root) : null;

    /// <summary>Reads the head of one document.</summary>
    /// <exception cref="FormatException">The message is the part after Helm's "YAML parse error on &lt;file&gt;: ".</exception>
    public static ManifestHead Parse(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var read = YamlDocumentReader.Read(document, lastKeyWins: true);
        var first = read.Count == 0 ? null : read[0];
        if (first?.Error is { } error)
        {
            throw new FormatException($"error converting YAML to JSON: yaml: {GoYamlError(error)}");
        }

        var root = first?.Root;
        if (root is null || root is YamlScalar { IsNull: true })
        {
            return new ManifestHead("", "", "", null, null);
        }

        if (root is not YamlMapping mapping)
        {
            throw Mismatch(root, "Go value of type releaseutil.SimpleHead");
        }

        string apiVersion = "", kind = "", name = "";
        string? ns = null;
        Dictionary<string, string>? annotations = null;
        foreach (var (key, value) in mapping.Entries)
        {
            switch (FieldOf(key.Text, "apiVersion", "kind", "metadata"))
            {
                case "apiVersion":
                    apiVersion = StringField(value, "SimpleHead.apiVersion") ?? apiVersion;
                    break;
                case "kind":
                    kind = StringField(value, "SimpleHead.kind") ?? kind;
                    break;
                case "metadata":
                    ReadMetadata(value, ref name, ref ns, ref annotations);
                    break;
            }
        }

        return new ManifestHead(apiVersion, kind, name, ns, annotations);
    }

    private static void ReadMetadata(YamlNode value, ref string name, ref string? ns, ref Dictionary<string, string>? annotations)
    {
        if (value is YamlScalar { IsNull: true })
        {
            return;
        }

        if (value is not YamlMapping metadata)
        {
            throw Mismatch(value, $"Go struct field SimpleHead.metadata of type {MetadataType}");
        }

        foreach (var (key, item) in metadata.Entries)
        {
            switch (FieldOf(key.Text, "name", "annotations"))
            {
                case "name":
                    name = StringField(item, ".metadata.name") ?? name;
                    break;
                case "annotations":
                    annotations = ReadAnnotations(item, annotations);
                    break;
            }

            if (key.Text == "namespace" && item is YamlScalar { Value: string text })
            {
                ns = text;
            }
        }
    }

    private static Dictionary<string, string>? ReadAnnotations(YamlNode value, Dictionary<string, string>? existing)
    {
        if (value is YamlScalar { IsNull: true })
        {
            return existing;
        }

        if (value is not YamlMapping map)
        {
            throw Mismatch(value, "Go struct field .metadata.annotations of type map[string]string");
        }

        // Go's JSON decoder fills the map it already has; a null element leaves the zero value.
        var annotations = existing ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, item) in map.Entries)
        {
            annotations[key.Text] = StringField(item, ".metadata.annotations") ?? "";
        }

        return annotations;
    }

    /// <summary>
    /// go-yaml words a scanner error by its problem alone ("could not find expected ':'"), where YamlDotNet adds the
    /// context ("while scanning a simple key, ..."); and it places an unterminated simple key where it gave up, the
    /// line after the key, where YamlDotNet names the key's own line.
    /// </summary>
    private static string GoYamlError(YamlSyntaxError error)
    {
        var message = error.Message;
        var line = error.Line;
        if (message.StartsWith("while ", StringComparison.Ordinal) && message.IndexOf(", ", StringComparison.Ordinal) is > 0 and var comma)
        {
            message = message[(comma + 2)..];
        }

        if (message == "could not find expected ':'")
        {
            line++;
        }

        return $"line {line}: {message}";
    }

    /// <summary>Go's encoding/json matches a key to a field exactly or, failing that, case-insensitively.</summary>
    private static string? FieldOf(string key, params string[] fields) =>
        fields.FirstOrDefault(f => f == key) ?? fields.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase));

    private static string? StringField(YamlNode value, string field) => value switch
    {
        YamlScalar { Value: null } => null,
        YamlScalar { Value: string text } => text,
        YamlScalar { Value: double d } scalar when !double.IsFinite(d) => scalar.Text,
        _ => throw Mismatch(value, $"Go struct field {field} of type string"),
    };

    private static FormatException Mismatch(YamlNode value, string target) =>
        new($"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {JsonKind(value)} into {target}");

    private static string JsonKind(YamlNode value) => value switch
    {
        YamlMapping => "object",
        YamlSequence => "array",
        YamlScalar { Value: bool } => "bool",
        YamlScalar { Value: long or double } => "number",
        _ => "string",
    };
}
