using System.Text.Json.Nodes;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Apply;

/// <summary>The fields added, modified and removed between two versions of an object (structured-merge-diff's Compare).</summary>
internal sealed class ObjectComparison
{
    public FieldSet Added { get; } = new();

    public FieldSet Modified { get; } = new();

    public FieldSet Removed { get; } = new();

    public FieldSet Changed => Added.Union(Modified);

    public static ObjectComparison Compare(JsonObject? before, JsonObject after, IObjectSchema schema)
    {
        var result = new ObjectComparison();
        if (before is null)
        {
            FieldSetBuilder.AddAll(after, result.Added, [], schema);
            result.Added.IsMember = false;
        }
        else
        {
            Walk(before, after, result.Added, result.Modified, result.Removed, [], schema);
        }
        return result;
    }

    private static void Walk(JsonNode? before, JsonNode? after, FieldSet added, FieldSet modified, FieldSet removed, List<string> names, IObjectSchema schema)
    {
        if (before is JsonObject b && after is JsonObject a && (names.Count == 0 || !schema.IsAtomicMap(names)))
        {
            foreach (var key in b.Select(p => p.Key).Union(a.Select(p => p.Key)))
            {
                var element = PathElements.Field(key);
                names.Add(key);
                var inBefore = b.TryGetPropertyValue(key, out var bv);
                var inAfter = a.TryGetPropertyValue(key, out var av);
                if (!inBefore)
                {
                    FieldSetBuilder.AddAll(av, added.Child(element), names, schema);
                }
                else if (!inAfter)
                {
                    FieldSetBuilder.AddAll(bv, removed.Child(element), names, schema);
                }
                else
                {
                    Walk(bv, av, added.Child(element), modified.Child(element), removed.Child(element), names, schema);
                }
                names.RemoveAt(names.Count - 1);
            }
            return;
        }
        if (before is JsonArray bl && after is JsonArray al)
        {
            var semantics = schema.ListAt(names);
            var beforeElements = PathElements.ItemElements(bl, semantics);
            var afterElements = PathElements.ItemElements(al, semantics);
            if (semantics.Type != ListType.Atomic && !beforeElements.Concat(afterElements).Any(e => e is null))
            {
                var beforeItems = beforeElements.Zip(bl).GroupBy(p => p.First!).ToDictionary(g => g.Key, g => g.First().Second);
                var afterItems = afterElements.Zip(al).GroupBy(p => p.First!).ToDictionary(g => g.Key, g => g.First().Second);
                foreach (var element in beforeItems.Keys.Union(afterItems.Keys))
                {
                    var inBefore = beforeItems.TryGetValue(element, out var bv);
                    var inAfter = afterItems.TryGetValue(element, out var av);
                    if (semantics.Type == ListType.Set)
                    {
                        if (!inBefore)
                        {
                            added.Child(element).IsMember = true;
                        }
                        else if (!inAfter)
                        {
                            removed.Child(element).IsMember = true;
                        }
                    }
                    else if (!inBefore)
                    {
                        FieldSetBuilder.AddAll(av, added.Child(element), names, schema);
                    }
                    else if (!inAfter)
                    {
                        FieldSetBuilder.AddAll(bv, removed.Child(element), names, schema);
                    }
                    else
                    {
                        Walk(bv, av, added.Child(element), modified.Child(element), removed.Child(element), names, schema);
                    }
                }
                return;
            }
        }
        if (!JsonNode.DeepEquals(before, after))
        {
            modified.IsMember = true;
        }
    }
}
