using System.Globalization;
using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Patching;

/// <summary>RFC 6902 JSON patch (application/json-patch+json): add, remove, replace, move, copy, test.</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject document, JsonArray operations)
    {
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var op = operation.GetString("op") ?? throw new PatchException("Unable to unmarshal operation: missing op");
            var path = operation.GetString("path") ?? throw new PatchException($"{op} operation is missing path");
            switch (op)
            {
                case "add":
                    Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Remove(document, From(operation));
                    Add(document, path, moved);
                    break;
                case "copy":
                    Add(document, path, Get(document, From(operation))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(document, path), operation["value"]))
                    {
                        throw new PatchException($"testing value {path} failed: test failed");
                    }
                    break;
                default:
                    throw new PatchException($"Unexpected kind: {op}");
            }
        }
        return document;
    }

    private static string From(JsonObject operation) =>
        operation.GetString("from") ?? throw new PatchException($"{operation.GetString("op")} operation is missing from");

    private static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        if (pointer[0] != '/')
        {
            throw new PatchException($"invalid JSON pointer: {pointer}");
        }
        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }

    private static JsonNode? Get(JsonNode root, string pointer)
    {
        JsonNode? current = root;
        foreach (var token in Tokens(pointer))
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray arr when int.TryParse(token, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < arr.Count => arr[i],
                _ => throw new PatchException($"doc is missing path: {pointer}"),
            };
        }
        return current;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode root, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw new PatchException("cannot operate on the document root");
        }
        var parent = tokens.Length == 1 ? root
            : Get(root, "/" + string.Join('/', tokens[..^1].Select(t => t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))));
        return (parent ?? throw new PatchException($"doc is missing path: {pointer}"), tokens[^1]);
    }

    private static void Add(JsonNode root, string pointer, JsonNode? value)
    {
        var (parent, last) = Parent(root, pointer);
        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(last);
                obj[last] = value;
                break;
            case JsonArray arr when last == "-":
                arr.Add(value);
                break;
            case JsonArray arr when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i <= arr.Count:
                arr.Insert(i, value);
                break;
            default:
                throw new PatchException($"add operation does not apply: doc is missing path: \"{pointer}\"");
        }
    }

    private static JsonNode? Remove(JsonNode root, string pointer)
    {
        var (parent, last) = Parent(root, pointer);
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var value):
                obj.Remove(last);
                return value;
            case JsonArray arr when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < arr.Count:
                var item = arr[i];
                arr.RemoveAt(i);
                return item;
            default:
                throw new PatchException($"remove operation does not apply: doc is missing path: \"{pointer}\"");
        }
    }
}
