using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Apply;

/// <summary>Builds FieldsV1 path elements and finds the values they address.</summary>
internal static class PathElements
{
    public static string Field(string name) => "f:" + name;

    public static string SetValue(JsonNode? value) => "v:" + JsonTree.Canonical(value);

    /// <summary>The key element of an associative list item, or null when the item lacks a key field.</summary>
    public static string? Key(JsonNode? item, IReadOnlyList<string> keys)
    {
        if (item is not JsonObject obj)
        {
            return null;
        }
        var key = new JsonObject();
        foreach (var name in keys.Order(StringComparer.Ordinal))
        {
            if (!obj.TryGetPropertyValue(name, out var value) || value is null)
            {
                if (keys.Count == 1)
                {
                    return null;
                }
                continue;
            }
            key[name] = value.DeepClone();
        }
        return key.Count == 0 ? null : "k:" + JsonTree.Canonical(key);
    }

    /// <summary>The element that addresses each item of a list, per its list semantics (null when items cannot be keyed).</summary>
    public static string?[] ItemElements(JsonArray list, Resources.ListSemantics semantics) => semantics.Type switch
    {
        Resources.ListType.Map => list.Select(i => Key(i, semantics.Keys)).ToArray(),
        Resources.ListType.Set => list.Select(SetValue).ToArray(),
        _ => list.Select(_ => (string?)null).ToArray(),
    };
}
