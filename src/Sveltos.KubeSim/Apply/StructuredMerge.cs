using System.Text.Json.Nodes;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Apply;

/// <summary>Merges an applied configuration into a live object and prunes fields a manager stopped applying.</summary>
internal static class StructuredMerge
{
    public static JsonObject Merge(JsonObject live, JsonObject config, IObjectSchema schema) =>
        (JsonObject)Merge(live, config, [], schema)!;

    private static JsonNode? Merge(JsonNode? live, JsonNode? config, List<string> names, IObjectSchema schema)
    {
        if (config is JsonObject c && (names.Count == 0 || !schema.IsAtomicMap(names)))
        {
            var result = live is JsonObject l ? (JsonObject)l.DeepClone() : new JsonObject();
            foreach (var (key, value) in c)
            {
                if (value is null)
                {
                    result.Remove(key);
                    continue;
                }
                names.Add(key);
                var current = result.TryGetPropertyValue(key, out var existing) ? existing : null;
                result[key] = Merge(current?.DeepClone(), value, names, schema);
                names.RemoveAt(names.Count - 1);
            }
            return result;
        }
        if (config is JsonArray cl && live is JsonArray ll)
        {
            var semantics = schema.ListAt(names);
            var liveElements = PathElements.ItemElements(ll, semantics);
            var configElements = PathElements.ItemElements(cl, semantics);
            if (semantics.Type != ListType.Atomic && !liveElements.Concat(configElements).Any(e => e is null))
            {
                return MergeList(ll, liveElements!, cl, configElements!, semantics.Type == ListType.Map, names, schema);
            }
        }
        return config?.DeepClone();
    }

    /// <summary>Keeps live-only items where they were and config items in config order, merging items present in both.</summary>
    private static JsonArray MergeList(JsonArray live, string[] liveKeys, JsonArray config, string[] configKeys, bool mergeItems, List<string> names, IObjectSchema schema)
    {
        var result = new JsonArray();
        var inConfig = configKeys.ToHashSet(StringComparer.Ordinal);
        var liveByKey = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = 0; i < live.Count; i++)
        {
            liveByKey.TryAdd(liveKeys[i], live[i]);
        }
        var handled = new HashSet<string>(StringComparer.Ordinal);
        JsonNode? Take(int ri)
        {
            handled.Add(configKeys[ri]);
            var liveItem = liveByKey.GetValueOrDefault(configKeys[ri]);
            return mergeItems ? Merge(liveItem?.DeepClone(), config[ri], names, schema) : config[ri]?.DeepClone();
        }
        var (li, rj) = (0, 0);
        while (li < live.Count || rj < config.Count)
        {
            if (li < live.Count && handled.Contains(liveKeys[li]))
            {
                li++;
                continue;
            }
            if (li < live.Count && (rj >= config.Count || !inConfig.Contains(liveKeys[li])))
            {
                result.Add(live[li]?.DeepClone());
                handled.Add(liveKeys[li]);
                li++;
                continue;
            }
            if (rj < config.Count)
            {
                result.Add(Take(rj));
                rj++;
            }
        }
        return result;
    }

    /// <summary>Removes the fields in <paramref name="remove"/> unless <paramref name="keep"/> still holds them or something below them.</summary>
    public static void Prune(JsonObject obj, FieldSet remove, FieldSet keep, IObjectSchema schema) => Prune(obj, remove, keep, [], schema);

    private static void Prune(JsonNode node, FieldSet remove, FieldSet? keep, List<string> names, IObjectSchema schema)
    {
        foreach (var (element, removeChild) in remove.Children)
        {
            var keepChild = keep?.Find(element);
            var keepsSomething = keepChild is not null && !keepChild.IsEmpty;
            if (node is JsonObject obj && element.StartsWith("f:", StringComparison.Ordinal))
            {
                var name = element[2..];
                if (!obj.TryGetPropertyValue(name, out var child))
                {
                    continue;
                }
                if (removeChild.IsMember && !keepsSomething)
                {
                    obj.Remove(name);
                    continue;
                }
                if (child is not null && removeChild.Children.Count > 0)
                {
                    names.Add(name);
                    Prune(child, removeChild, keepChild, names, schema);
                    names.RemoveAt(names.Count - 1);
                    if (child is JsonObject { Count: 0 } && keepChild?.IsMember != true)
                    {
                        obj.Remove(name);
                    }
                }
            }
            else if (node is JsonArray list)
            {
                var elements = PathElements.ItemElements(list, schema.ListAt(names));
                var index = Array.IndexOf(elements, element);
                if (index < 0)
                {
                    continue;
                }
                if (removeChild.IsMember && !keepsSomething)
                {
                    list.RemoveAt(index);
                }
                else if (list[index] is { } item && removeChild.Children.Count > 0)
                {
                    Prune(item, removeChild, keepChild, names, schema);
                }
            }
        }
    }
}
