using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Scriban.Parsing;

namespace Sveltos.Engine.Templates;

/// <summary>
/// A path into an object for get_field/set_field/remove_field: a dot-separated string (<c>"spec.template.metadata"</c>,
/// as in Sveltos) or a list of keys, for keys that contain dots (<c>["metadata", "labels", "app.kubernetes.io/name"]</c>).
/// A key that is a number indexes a list.
/// </summary>
internal sealed class FieldPath
{
    private readonly string[] _keys;

    private FieldPath(string[] keys, string text)
    {
        _keys = keys;
        Text = text;
    }

    public string Text { get; }

    public static FieldPath Parse(object? path, SourceSpan span)
    {
        string[] keys = path switch
        {
            string s => s.Split('.'),
            IEnumerable list => list.Cast<object?>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? "").ToArray(),
            _ => [],
        };
        if (keys.Length == 0 || keys.Any(k => k.Length == 0))
        {
            throw new TemplateFault(TemplateErrorIds.FunctionError, span, $"'{path}' is not a field path: use \"a.b.c\" or a list of keys [\"a\", \"b.c\"]");
        }

        return new FieldPath(keys, string.Join('.', keys));
    }

    public bool TryGet(JsonNode? root, out JsonNode? value)
    {
        value = root;
        foreach (var key in _keys)
        {
            if (!TryStep(value, key, out value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sets the value, creating missing (or null) intermediate objects, as Kubernetes' SetNestedField does.</summary>
    public void Set(JsonObject root, JsonNode? value, SourceSpan span)
    {
        JsonNode current = root;
        for (var i = 0; i < _keys.Length; i++)
        {
            var key = _keys[i];
            var last = i == _keys.Length - 1;
            switch (current)
            {
                case JsonObject obj:
                    if (last)
                    {
                        obj[key] = value;
                        return;
                    }

                    if (obj[key] is null)
                    {
                        obj[key] = new JsonObject();
                    }

                    current = obj[key]!;
                    break;
                case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    if (last)
                    {
                        array[index] = value;
                        return;
                    }

                    array[index] ??= new JsonObject();
                    current = array[index]!;
                    break;
                default:
                    throw NotAContainer(span, i, current);
            }
        }
    }

    /// <summary>Removes the field; a path that does not exist is left alone, as Kubernetes' RemoveNestedField does.</summary>
    public void Remove(JsonObject root)
    {
        JsonNode? parent = root;
        for (var i = 0; i < _keys.Length - 1; i++)
        {
            if (!TryStep(parent, _keys[i], out parent))
            {
                return;
            }
        }

        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(_keys[^1]);
                break;
            case JsonArray array when int.TryParse(_keys[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                array.RemoveAt(index);
                break;
        }
    }

    private static bool TryStep(JsonNode? node, string key, out JsonNode? next)
    {
        next = null;
        switch (node)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(key, out next);
            case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                next = array[index];
                return true;
            default:
                return false;
        }
    }

    private TemplateFault NotAContainer(SourceSpan span, int index, JsonNode node)
    {
        var prefix = string.Join('.', _keys[..index]);
        var what = node is JsonArray ? $"a list without an item {_keys[index]}" : $"the value {node.ToJsonString()}";
        return new TemplateFault(TemplateErrorIds.FunctionError, span, $"cannot set '{Text}': '{prefix}' is {what}, not a map");
    }
}
