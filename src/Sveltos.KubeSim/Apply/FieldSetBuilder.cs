using System.Text.Json.Nodes;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Apply;

/// <summary>The set of fields an applied configuration specifies (what its manager will own).</summary>
internal static class FieldSetBuilder
{
    public static FieldSet FromObject(JsonObject config, IObjectSchema schema)
    {
        var root = new FieldSet();
        Walk(config, root, [], schema);
        return root;
    }

    private static void Walk(JsonNode? value, FieldSet node, List<string> names, IObjectSchema schema)
    {
        switch (value)
        {
            case JsonObject obj when names.Count == 0 || !schema.IsAtomicMap(names):
                foreach (var (key, child) in obj)
                {
                    var childNode = node.Child(PathElements.Field(key));
                    names.Add(key);
                    Walk(child, childNode, names, schema);
                    names.RemoveAt(names.Count - 1);
                    if (child is null or JsonObject { Count: 0 })
                    {
                        childNode.IsMember = true;
                    }
                }
                break;
            case JsonArray list:
                var semantics = schema.ListAt(names);
                var elements = PathElements.ItemElements(list, semantics);
                if (semantics.Type == ListType.Atomic || elements.Any(e => e is null))
                {
                    node.IsMember = true;
                    break;
                }
                for (var i = 0; i < list.Count; i++)
                {
                    var item = node.Child(elements[i]!);
                    item.IsMember = true;
                    if (semantics.Type == ListType.Map)
                    {
                        Walk(list[i], item, names, schema);
                    }
                }
                break;
            default:
                node.IsMember = true;
                break;
        }
    }

    /// <summary>Marks a whole subtree as members: every node of a value that appeared or disappeared.</summary>
    public static void AddAll(JsonNode? value, FieldSet node, List<string> names, IObjectSchema schema)
    {
        node.IsMember = true;
        switch (value)
        {
            case JsonObject obj when !schema.IsAtomicMap(names):
                foreach (var (key, child) in obj)
                {
                    names.Add(key);
                    AddAll(child, node.Child(PathElements.Field(key)), names, schema);
                    names.RemoveAt(names.Count - 1);
                }
                break;
            case JsonArray list:
                var semantics = schema.ListAt(names);
                var elements = PathElements.ItemElements(list, semantics);
                if (semantics.Type == ListType.Atomic || elements.Any(e => e is null))
                {
                    break;
                }
                for (var i = 0; i < list.Count; i++)
                {
                    if (semantics.Type == ListType.Map)
                    {
                        AddAll(list[i], node.Child(elements[i]!), names, schema);
                    }
                    else
                    {
                        node.Child(elements[i]!).IsMember = true;
                    }
                }
                break;
        }
    }
}
