using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Patching;

/// <summary>
/// Strategic merge patch (application/strategic-merge-patch+json) for built-in kinds: lists merge by their patch merge
/// key, with the directives kubectl sends ($patch, $retainKeys, $setElementOrder/, $deleteFromPrimitiveList/).
/// </summary>
internal static class StrategicMergePatch
{
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject original, JsonObject patch, IObjectSchema schema) =>
        MergeMap(original, patch, [], schema) ?? new JsonObject();

    private static JsonObject? MergeMap(JsonObject original, JsonObject patch, List<string> path, IObjectSchema schema)
    {
        switch (patch.GetString("$patch"))
        {
            case "replace":
                return StripDirectives(patch);
            case "delete":
                return null;
        }
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }
            if (value is null)
            {
                original.Remove(key);
                continue;
            }
            path.Add(key);
            var current = original.TryGetPropertyValue(key, out var existing) ? existing : null;
            var merged = value switch
            {
                JsonObject patchMap => MergeMap(current as JsonObject ?? new JsonObject(), patchMap, path, schema),
                JsonArray patchList => MergeList(current as JsonArray, patchList, schema.ListAt(path), path, schema),
                _ => value.DeepClone(),
            };
            if (merged is null)
            {
                original.Remove(key);
            }
            else if (!ReferenceEquals(merged, current))
            {
                original[key] = merged;
            }
            path.RemoveAt(path.Count - 1);
        }
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) && original[key[DeleteFromPrimitiveList.Length..]] is JsonArray list && value is JsonArray removals)
            {
                foreach (var item in list.Where(i => removals.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                {
                    list.Remove(item);
                }
            }
        }
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(SetElementOrder, StringComparison.Ordinal) && value is JsonArray order)
            {
                var field = key[SetElementOrder.Length..];
                path.Add(field);
                if (original[field] is JsonArray list)
                {
                    Reorder(list, order, schema.ListAt(path).PatchMergeKey);
                }
                path.RemoveAt(path.Count - 1);
            }
        }
        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.ToString()).ToHashSet();
            foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }
        return original;
    }

    private static JsonArray MergeList(JsonArray? original, JsonArray patch, ListSemantics semantics, List<string> path, IObjectSchema schema)
    {
        if (patch.OfType<JsonObject>().Any(i => i.GetString("$patch") == "replace"))
        {
            return new JsonArray(patch.Where(i => !(i is JsonObject o && o.GetString("$patch") == "replace")).Select(Clean).ToArray());
        }
        if (original is null || (semantics.PatchMergeKey is null && !semantics.MergePrimitives))
        {
            return new JsonArray(patch.Where(i => !(i is JsonObject o && o.GetString("$patch") == "delete")).Select(Clean).ToArray());
        }
        var result = new JsonArray(original.Select(i => i?.DeepClone()).ToArray());
        var mergeKey = semantics.PatchMergeKey;
        foreach (var item in patch)
        {
            if (mergeKey is not null && item is JsonObject patchItem)
            {
                var index = IndexOf(result, mergeKey, patchItem[mergeKey]);
                if (patchItem.GetString("$patch") == "delete")
                {
                    if (index >= 0)
                    {
                        result.RemoveAt(index);
                    }
                    continue;
                }
                if (index >= 0)
                {
                    var existing = result[index] as JsonObject ?? new JsonObject();
                    result.RemoveAt(index);
                    result.Insert(index, MergeMap(existing, patchItem, path, schema));
                }
                else
                {
                    result.Add(MergeMap(new JsonObject(), patchItem, path, schema));
                }
            }
            else if (!result.Any(existing => JsonNode.DeepEquals(existing, item)))
            {
                result.Add(item?.DeepClone());
            }
        }
        return result;
    }

    private static int IndexOf(JsonArray list, string mergeKey, JsonNode? keyValue)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject candidate && JsonNode.DeepEquals(candidate[mergeKey], keyValue))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Puts the items named in a $setElementOrder list first, in that order; the others keep their relative order after them.</summary>
    private static void Reorder(JsonArray list, JsonArray order, string? mergeKey)
    {
        JsonNode? Identity(JsonNode? item) => mergeKey is not null && item is JsonObject o ? o[mergeKey] : item;
        int Rank(JsonNode? item)
        {
            for (var i = 0; i < order.Count; i++)
            {
                if (JsonNode.DeepEquals(Identity(order[i]), Identity(item)))
                {
                    return i;
                }
            }
            return int.MaxValue;
        }
        var sorted = list.Select((item, position) => (item, position)).OrderBy(p => Rank(p.item)).ThenBy(p => p.position).Select(p => p.item).ToList();
        list.Clear();
        foreach (var item in sorted)
        {
            list.Add(item?.DeepClone());
        }
    }

    private static JsonNode? Clean(JsonNode? node) => node is JsonObject obj ? StripDirectives(obj) : node?.DeepClone();

    private static JsonObject StripDirectives(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (!key.StartsWith('$'))
            {
                result[key] = Clean(value);
            }
        }
        return result;
    }
}
