using System.Text.Json.Nodes;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// Rewrites a draft-04 schema as the equivalent draft-07 one, since the validator starts at draft 6 while Helm's
/// accepts draft 4: <c>id</c> becomes <c>$id</c>, and boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become
/// the numeric form. Only schema positions are visited, so a property named "id" is left alone.
/// </summary>
internal static class Draft4SchemaTranslation
{
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "definitions", "dependencies"];
    private static readonly string[] SchemaArrays = ["allOf", "anyOf", "oneOf", "items"];
    private static readonly string[] SingleSchemas = ["items", "additionalItems", "additionalProperties", "not"];

    public static bool IsDraft4(JsonNode? schema) =>
        schema is JsonObject obj && obj["$schema"] is JsonValue v && v.TryGetValue<string>(out var uri) && uri.Contains("draft-04", StringComparison.Ordinal);

    public static void Translate(JsonObject root)
    {
        root["$schema"] = Draft07;
        Visit(root);
    }

    private static void Visit(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && !schema.ContainsKey("$id"))
        {
            schema.Remove("id");
            schema["$id"] = idText;
        }

        Exclusive(schema, "exclusiveMaximum", "maximum");
        Exclusive(schema, "exclusiveMinimum", "minimum");

        foreach (var key in SchemaMaps)
        {
            if (schema[key] is JsonObject map)
            {
                foreach (var (_, sub) in map)
                {
                    Visit(sub);
                }
            }
        }

        foreach (var key in SchemaArrays)
        {
            if (schema[key] is JsonArray array)
            {
                foreach (var sub in array)
                {
                    Visit(sub);
                }
            }
        }

        foreach (var key in SingleSchemas)
        {
            Visit(schema[key] as JsonObject);
        }
    }

    private static void Exclusive(JsonObject schema, string exclusive, string bound)
    {
        if (schema[exclusive] is not JsonValue flag || !flag.TryGetValue<bool>(out var isExclusive))
        {
            return;
        }

        schema.Remove(exclusive);
        if (isExclusive && schema[bound] is JsonNode value)
        {
            schema.Remove(bound);
            schema[exclusive] = value;
        }
    }
}
