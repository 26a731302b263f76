using System.Text;
using System.Text.Json.Nodes;

namespace Sveltos.KubeSim.Apply;

/// <summary>
/// A set of field paths as structured-merge-diff models them, shaped like FieldsV1: each node is keyed by a path element
/// ("f:name", "k:{\"name\":\"web\"}", "v:\"x\"", "i:0") and <see cref="IsMember"/> says the path itself is in the set (the "." entry).
/// </summary>
internal sealed class FieldSet
{
    private readonly SortedDictionary<string, FieldSet> _children = new(StringComparer.Ordinal);

    public bool IsMember { get; set; }

    public IReadOnlyDictionary<string, FieldSet> Children => _children;

    public bool IsEmpty => !IsMember && _children.Values.All(c => c.IsEmpty);

    public FieldSet Child(string element)
    {
        if (!_children.TryGetValue(element, out var child))
        {
            child = new FieldSet();
            _children[element] = child;
        }
        return child;
    }

    public FieldSet? Find(string element) => _children.GetValueOrDefault(element);

    public void RemoveChild(string element) => _children.Remove(element);

    public static FieldSet FromFieldsV1(JsonObject? fields)
    {
        var set = new FieldSet();
        if (fields is null)
        {
            return set;
        }
        foreach (var (key, value) in fields)
        {
            if (key == ".")
            {
                set.IsMember = true;
            }
            else
            {
                var child = FromFieldsV1(value as JsonObject);
                child.IsMember |= value is JsonObject { Count: 0 };
                set._children[key] = child;
            }
        }
        return set;
    }

    public JsonObject ToFieldsV1()
    {
        var result = new JsonObject();
        if (IsMember && _children.Count > 0)
        {
            result["."] = new JsonObject();
        }
        foreach (var (key, child) in _children)
        {
            if (!child.IsEmpty)
            {
                result[key] = child.ToFieldsV1();
            }
        }
        return result;
    }

    public FieldSet Clone() => Union(new FieldSet());

    public FieldSet Union(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember || other.IsMember };
        foreach (var key in _children.Keys.Union(other._children.Keys))
        {
            var mine = Find(key) ?? new FieldSet();
            var theirs = other.Find(key) ?? new FieldSet();
            result._children[key] = mine.Union(theirs);
        }
        return result;
    }

    public FieldSet Intersect(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember && other.IsMember };
        foreach (var (key, child) in _children)
        {
            if (other.Find(key) is { } theirs)
            {
                var common = child.Intersect(theirs);
                if (!common.IsEmpty)
                {
                    result._children[key] = common;
                }
            }
        }
        return result;
    }

    public FieldSet Except(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember && !other.IsMember };
        foreach (var (key, child) in _children)
        {
            var rest = other.Find(key) is { } theirs ? child.Except(theirs) : child.Clone();
            if (!rest.IsEmpty)
            {
                result._children[key] = rest;
            }
        }
        return result;
    }

    public bool SetEquals(FieldSet other) => Except(other).IsEmpty && other.Except(this).IsEmpty;

    /// <summary>Every member path, as lists of path elements.</summary>
    public IEnumerable<IReadOnlyList<string>> Members()
    {
        var path = new List<string>();
        return Walk(this, path);

        static IEnumerable<IReadOnlyList<string>> Walk(FieldSet node, List<string> path)
        {
            if (node.IsMember)
            {
                yield return path.ToArray();
            }
            foreach (var (key, child) in node._children)
            {
                path.Add(key);
                foreach (var member in Walk(child, path))
                {
                    yield return member;
                }
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    /// <summary>Renders a path the way the API server reports conflicts: .spec.containers[name="web"].image.</summary>
    public static string Render(IReadOnlyList<string> path)
    {
        var text = new StringBuilder();
        foreach (var element in path)
        {
            var body = element[2..];
            switch (element[0])
            {
                case 'f':
                    text.Append('.').Append(body);
                    break;
                case 'k':
                    var keys = JsonNode.Parse(body) as JsonObject ?? [];
                    text.Append('[').Append(string.Join(',', keys.Select(p => $"{p.Key}={p.Value?.ToJsonString()}"))).Append(']');
                    break;
                case 'v':
                    text.Append("[=").Append(body).Append(']');
                    break;
                default:
                    text.Append('[').Append(body).Append(']');
                    break;
            }
        }
        return text.ToString();
    }
}
