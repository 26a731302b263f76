using System.Text.Json.Nodes;

namespace Sveltos.Engine.Yaml;

/// <summary>Converts YAML trees to System.Text.Json trees (the shape a Kubernetes API takes), keeping key order.</summary>
internal static class JsonTreeConverter
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMapping mapping => ToJsonObject(mapping),
        YamlSequence sequence => new JsonArray(sequence.Items.Select(ToJson).ToArray()),
        YamlScalar scalar => scalar.Value switch
        {
            null => null,
            bool b => JsonValue.Create(b),
            long l => JsonValue.Create(l),
            double d when double.IsFinite(d) => JsonValue.Create(d),
            double => JsonValue.Create(scalar.Text), // JSON has no infinity or NaN
            var other => JsonValue.Create((string)other),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static JsonObject ToJsonObject(YamlMapping mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Entries)
        {
            result[key.Text] = ToJson(value);
        }

        return result;
    }
}
