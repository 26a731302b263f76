using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sveltos.KubeSim.Json;

/// <summary>Small helpers over System.Text.Json.Nodes used by every layer of the emulator.</summary>
internal static class JsonTree
{
    /// <summary>Escapes like Go's encoding/json as far as clients can tell: quotes as \", non-ASCII text kept.</summary>
    private static readonly JsonWriterOptions CompactWriter = new()
    {
        Indented = false,
        SkipValidation = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions CompactText = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToText(JsonNode? node) => node?.ToJsonString(CompactText) ?? "null";

    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8) =>
        JsonNode.Parse(utf8) as JsonObject ?? throw new JsonException("expected a JSON object");

    public static byte[] ToUtf8(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            node.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string? GetString(this JsonObject obj, string property) =>
        obj.TryGetPropertyValue(property, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static JsonObject? GetObject(this JsonObject obj, string property) =>
        obj.TryGetPropertyValue(property, out var value) ? value as JsonObject : null;

    public static JsonArray? GetArray(this JsonObject obj, string property) =>
        obj.TryGetPropertyValue(property, out var value) ? value as JsonArray : null;

    public static JsonObject GetOrAddObject(this JsonObject obj, string property)
    {
        if (obj[property] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        obj[property] = created;
        return created;
    }

    /// <summary>The metadata object, created when absent.</summary>
    public static JsonObject Metadata(this JsonObject obj) => obj.GetOrAddObject("metadata");

    public static long? GetInt64(this JsonObject obj, string property)
    {
        if (obj.TryGetPropertyValue(property, out var value) && value is JsonValue v)
        {
            if (v.TryGetValue<long>(out var l))
            {
                return l;
            }
            if (v.TryGetValue<double>(out var d))
            {
                return (long)d;
            }
            if (v.TryGetValue<string>(out var s) && long.TryParse(s, out var parsed))
            {
                return parsed;
            }
        }
        return null;
    }

    public static Dictionary<string, string> GetStringMap(this JsonObject obj, string property)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj.GetObject(property) is { } map)
        {
            foreach (var (key, value) in map)
            {
                result[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }
        }
        return result;
    }

    public static bool IsEmptyObject(JsonNode? node) => node is JsonObject o && o.Count == 0;

    /// <summary>Removes a property and returns its detached value (so it can be re-parented).</summary>
    public static JsonNode? Detach(this JsonObject obj, string property)
    {
        if (!obj.TryGetPropertyValue(property, out var value))
        {
            return null;
        }
        obj.Remove(property);
        return value;
    }

    /// <summary>Canonical JSON of a scalar or object, with object keys sorted (used in FieldsV1 keys and set values).</summary>
    public static string Canonical(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            var sorted = new JsonObject();
            foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                sorted[key] = value is null ? null : JsonNode.Parse(Canonical(value));
            }
            return ToText(sorted);
        }
        return ToText(node);
    }
}
