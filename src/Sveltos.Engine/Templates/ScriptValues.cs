using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Sveltos.Engine.Templates;

/// <summary>
/// Converts between JSON trees (what the engine holds) and Scriban values (what templates work on): objects become
/// <see cref="ScriptObject"/>s (keys kept verbatim, so <c>labels["app.kubernetes.io/name"]</c> works), arrays
/// <see cref="ScriptArray"/>s, integers <see cref="long"/>, other numbers <see cref="double"/>.
/// </summary>
internal static class ScriptValues
{
    /// <summary>Deeper than this is a reference loop or an attack, not configuration.</summary>
    public const int MaxDepth = 100;

    public static object? FromJson(JsonNode? node, SourceSpan span = default, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw TooDeep(span);
        }

        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var map = new ScriptObject(obj.Count);
                foreach (var (key, value) in obj)
                {
                    map.SetValue(key, FromJson(value, span, depth + 1), readOnly: false);
                }

                return map;
            case JsonArray array:
                var list = new ScriptArray(array.Count);
                foreach (var item in array)
                {
                    list.Add(FromJson(item, span, depth + 1));
                }

                return list;
            default:
                return FromJsonValue((JsonValue)node);
        }
    }

    private static object? FromJsonValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                // A value built in code may hold a DateTime or Guid, which reads as a string only through its JSON text.
                return value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString());
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                var number = value.ToJsonString();
                return long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? integer
                    : double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    /// <summary>Any template value as a JSON tree (a deep copy).</summary>
    /// <exception cref="TemplateFault">The value holds something that is not data (a function), or is nested too deeply.</exception>
    public static JsonNode? ToJson(object? value, SourceSpan span, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw TooDeep(span);
        }

        switch (value)
        {
            case null:
                return null;
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case char c:
                return JsonValue.Create(c.ToString());
            case byte or sbyte or short or ushort or int or uint or long:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong or BigInteger:
                return JsonNode.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            case decimal m:
                return JsonValue.Create(m);
            case float or double:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return double.IsFinite(d)
                    ? JsonValue.Create(d)
                    : throw new TemplateFault(TemplateErrorIds.FunctionError, span, $"the number {d.ToString(CultureInfo.InvariantCulture)} cannot be written as YAML or JSON data");
            case Enum e:
                return JsonValue.Create(e.ToString());
            case DateTime time:
                return JsonValue.Create(time.ToString("o", CultureInfo.InvariantCulture));
            case DateTimeOffset time:
                return JsonValue.Create(time.ToString("o", CultureInfo.InvariantCulture));
            case TimeSpan duration:
                return JsonValue.Create(duration.ToString("c", CultureInfo.InvariantCulture));
            case JsonNode node:
                return node.DeepClone();
            case IScriptCustomFunction:
                throw new TemplateFault(TemplateErrorIds.FunctionError, span, "a function is not data and cannot be written as YAML or JSON");
            case ScriptObject obj:
                return ToJsonObject(obj.Select(p => (p.Key, p.Value)), span, depth);
            case IDictionary<string, object?> dictionary:
                return ToJsonObject(dictionary.Select(p => (p.Key, p.Value)), span, depth);
            case IDictionary dictionary:
                return ToJsonObject(dictionary.Keys.Cast<object>().Select(k => (Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", dictionary[k])), span, depth);
            case IEnumerable items:
                var array = new JsonArray();
                foreach (var item in items)
                {
                    array.Add(ToJson(item, span, depth + 1));
                }

                return array;
            default:
                throw new TemplateFault(TemplateErrorIds.FunctionError, span, $"a value of type {value.GetType().Name} cannot be written as YAML or JSON");
        }
    }

    private static JsonObject ToJsonObject(IEnumerable<(string Key, object? Value)> entries, SourceSpan span, int depth)
    {
        var result = new JsonObject();
        foreach (var (key, value) in entries)
        {
            result[key] = ToJson(value, span, depth + 1);
        }

        return result;
    }

    private static TemplateFault TooDeep(SourceSpan span) =>
        new(TemplateErrorIds.LimitExceeded, span, $"the data is nested more than {MaxDepth} levels deep (does an object contain itself?)");
}
