using System.Text.Json.Nodes;

namespace Sveltos.Engine.Kube;

/// <summary>Reads the common fields of a Kubernetes object held as JSON.</summary>
public static class KubeObject
{
    public static string ApiVersion(JsonObject obj) => Text(obj["apiVersion"]);

    public static string Kind(JsonObject obj) => Text(obj["kind"]);

    public static string Name(JsonObject obj) => Text(obj["metadata"]?["name"]);

    public static string Namespace(JsonObject obj) => Text(obj["metadata"]?["namespace"]);

    public static string ResourceVersion(JsonObject obj) => Text(obj["metadata"]?["resourceVersion"]);

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) => StringMap(obj["metadata"]?["labels"]);

    public static IReadOnlyDictionary<string, string> Annotations(JsonObject obj) => StringMap(obj["metadata"]?["annotations"]);

    /// <summary>A boolean field; false when absent or not a boolean.</summary>
    public static bool Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>A string field; empty when absent. Numbers and booleans are rendered as text.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value => value.ToJsonString(),
        _ => "",
    };

    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                map[key] = Text(value);
            }
        }

        return map;
    }

    /// <summary>Sets metadata.labels (or annotations) to exactly <paramref name="values"/>.</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> values)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            obj[key] = value;
        }

        return obj;
    }
}
