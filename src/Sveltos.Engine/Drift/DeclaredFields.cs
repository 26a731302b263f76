using System.Text.Json;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Drift;

/// <summary>
/// The part of a live object the module declared: the fields its own server-side applies own, as the
/// object's managedFields record them (fieldsV1 of manager <see cref="FieldManagers.Sveltos"/>, operation
/// Apply). A field someone else changed or removed leaves that set, so the view changes; a field someone
/// else added (a label set by hand, a controller's default) was never in it, so it is not the profile's
/// business, as with kubectl apply.
/// </summary>
public static class DeclaredFields
{
    /// <summary>The object reduced to the fields the module owns; an empty object when it owns none.</summary>
    public static JsonObject Project(JsonObject live)
    {
        var owned = OwnedFields(live);
        if (owned is null)
        {
            return new JsonObject();
        }

        // A Secret's stringData is written into data and never stored: what the module declared there lives in data.
        if (KubeObject.ApiVersion(live) == "v1" && KubeObject.Kind(live) == "Secret" && owned["f:stringData"] is JsonObject stringData)
        {
            if (owned["f:data"] is JsonObject data)
            {
                Union(data, stringData);
            }
            else
            {
                owned["f:data"] = stringData.DeepClone();
            }
        }

        return Project(live, owned) as JsonObject ?? new JsonObject();
    }

    /// <summary>The union of the module's Apply entries (one per subresource-less apply; normally exactly one).</summary>
    private static JsonObject? OwnedFields(JsonObject live)
    {
        JsonObject? owned = null;
        foreach (var entry in (live["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (KubeObject.Text(entry["manager"]) == FieldManagers.Sveltos
                && KubeObject.Text(entry["operation"]) == "Apply"
                && KubeObject.Text(entry["subresource"]).Length == 0
                && entry["fieldsV1"] is JsonObject fields)
            {
                owned = owned is null ? (JsonObject)fields.DeepClone() : Union(owned, fields);
            }
        }

        return owned;
    }

    private static JsonNode? Project(JsonNode? value, JsonObject set)
    {
        if (!set.Any(p => p.Key != "."))
        {
            return value?.DeepClone();
        }

        switch (value)
        {
            case JsonObject obj:
                var projected = new JsonObject();
                foreach (var (key, child) in set)
                {
                    if (key.StartsWith("f:", StringComparison.Ordinal) && child is JsonObject childSet && obj.TryGetPropertyValue(key[2..], out var field))
                    {
                        projected[key[2..]] = Project(field, childSet);
                    }
                }

                return projected;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    if (set.FirstOrDefault(p => Selects(p.Key, array[i], i)).Value is JsonObject itemSet)
                    {
                        items.Add(Project(array[i], itemSet));
                    }
                }

                return items;
            default:
                return value?.DeepClone();
        }
    }

    /// <summary>Whether a fieldsV1 list member (k:{keys}, v:value, i:index) names the item.</summary>
    private static bool Selects(string member, JsonNode? item, int index)
    {
        if (member.StartsWith("k:", StringComparison.Ordinal) && item is JsonObject obj && Parse(member[2..]) is JsonObject keys)
        {
            return keys.All(k => obj.TryGetPropertyValue(k.Key, out var v) && JsonNode.DeepEquals(v, k.Value));
        }

        if (member.StartsWith("v:", StringComparison.Ordinal))
        {
            return JsonNode.DeepEquals(item, Parse(member[2..]));
        }

        return member.StartsWith("i:", StringComparison.Ordinal) && member[2..] == index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Union(JsonObject into, JsonObject other)
    {
        foreach (var (key, value) in other)
        {
            if (into[key] is JsonObject mine && value is JsonObject theirs)
            {
                Union(mine, theirs);
            }
            else if (!into.ContainsKey(key))
            {
                into[key] = value?.DeepClone();
            }
        }

        return into;
    }
}
