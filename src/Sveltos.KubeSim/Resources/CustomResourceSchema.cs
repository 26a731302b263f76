using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Resources;

/// <summary>List and map semantics read from a CRD's openAPIV3Schema (x-kubernetes-list-type, -list-map-keys, -map-type).</summary>
internal sealed class CustomResourceSchema : IObjectSchema
{
    private readonly Dictionary<string, ListSemantics> _lists = new(StringComparer.Ordinal);
    private readonly HashSet<string> _atomicMaps = new(StringComparer.Ordinal);

    public CustomResourceSchema(JsonObject? openApiV3Schema)
    {
        if (openApiV3Schema is not null)
        {
            Walk(openApiV3Schema, "");
        }
    }

    public ListSemantics ListAt(IReadOnlyList<string> path) =>
        path.Count >= 2 && path[0] == "metadata" ? BuiltInSchema.Instance.ListAt(path)
        : _lists.TryGetValue(string.Join('.', path), out var list) ? list : ListSemantics.Atomic;

    public bool IsAtomicMap(IReadOnlyList<string> path) => _atomicMaps.Contains(string.Join('.', path));

    private void Walk(JsonObject schema, string path)
    {
        if (schema.GetString("x-kubernetes-map-type") == "atomic")
        {
            _atomicMaps.Add(path);
        }
        if (schema.GetString("type") == "array")
        {
            var listType = schema.GetString("x-kubernetes-list-type");
            var keys = schema.GetArray("x-kubernetes-list-map-keys")?.Select(k => k?.GetValue<string>() ?? "").ToArray() ?? [];
            _lists[path] = listType switch
            {
                "set" => new ListSemantics(ListType.Set, [], null, true),
                "map" when keys.Length > 0 => new ListSemantics(ListType.Map, keys, keys[0], false),
                _ => ListSemantics.Atomic,
            };
            if (schema.GetObject("items") is { } items)
            {
                Walk(items, path);
            }
        }
        if (schema.GetObject("properties") is { } properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject childSchema)
                {
                    Walk(childSchema, path.Length == 0 ? name : path + "." + name);
                }
            }
        }
    }
}
