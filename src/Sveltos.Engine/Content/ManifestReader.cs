using System.Text.Json.Nodes;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Content;

/// <summary>Reads the Kubernetes objects held in one ConfigMap/Secret value: YAML (one or many documents) or JSON.</summary>
internal static class ManifestReader
{
    /// <param name="heldInSecret">The text comes from a Secret: a YAML error gives its position, not the parser's words, which can quote it.</param>
    public static IReadOnlyList<JsonObject> Read(string text, string where, bool heldInSecret)
    {
        var objects = new List<JsonObject>();
        foreach (var document in YamlDocumentReader.Read(text))
        {
            if (document.Error is { } error)
            {
                throw new ContentException(
                    "ContentMalformed",
                    $"{where}: document {document.Index} is not valid YAML at line {error.Line}, column {error.Column}: {(heldInSecret ? Redaction.SecretText.Withheld : error.Message)}",
                    where,
                    "Fix the YAML held in that key; nothing was deployed or removed because of it.");
            }

            if (document.IsEmpty)
            {
                continue;
            }

            if (document.Root is not YamlMapping mapping)
            {
                throw new ContentException("ContentMalformed", $"{where}: document {document.Index} is not a Kubernetes object (a mapping with apiVersion, kind and metadata).", where);
            }

            var obj = JsonTreeConverter.ToJsonObject(mapping);
            if (obj["kind"]?.GetValue<string>() is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
            {
                objects.AddRange(items.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
                continue;
            }

            Validate(obj, where, document.Index);
            objects.Add(obj);
        }

        return objects;
    }

    private static void Validate(JsonObject obj, string where, int index)
    {
        var missing = new[] { "apiVersion", "kind" }.Where(f => string.IsNullOrEmpty(obj[f]?.GetValue<string>())).ToList();
        if (string.IsNullOrEmpty(obj["metadata"]?["name"]?.GetValue<string>()))
        {
            missing.Add("metadata.name");
        }

        if (missing.Count > 0)
        {
            throw new ContentException(
                "ContentMalformed",
                $"{where}: document {index} has no {string.Join(", ", missing)}.",
                where,
                "Every object needs apiVersion, kind and metadata.name.");
        }
    }
}
