using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sveltos.Engine.Yaml;

/// <summary>
/// Converts plain .NET values (dictionaries such as PowerShell hashtables, lists, strings, numbers, booleans,
/// JSON nodes) into YAML trees. Dictionary key order is kept as enumerated.
/// </summary>
internal static class ObjectTreeConverter
{
    /// <exception cref="ArgumentException">A value has a type that cannot be represented in YAML.</exception>
    public static YamlNode FromObject(object? value) => value switch
    {
        null => new YamlScalar("null", isPlain: true),
        YamlNode node => node.DeepClone(),
        string s => YamlScalar.String(s),
        char c => YamlScalar.String(c.ToString()),
        bool b => YamlScalar.Boolean(b),
        Enum e => YamlScalar.String(e.ToString()),
        byte or sbyte or short or ushort or int or uint or long => YamlScalar.Integer(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => new YamlScalar(u.ToString(CultureInfo.InvariantCulture), isPlain: true),
        float or double or decimal => new YamlScalar(Convert.ToString(value, CultureInfo.InvariantCulture)!, isPlain: true),
        JsonNode json => FromJson(json),
        JsonElement element => FromJson(JsonNode.Parse(element.GetRawText())),
        IEnumerable<KeyValuePair<string, object?>> pairs => FromEntries(pairs.Select(p => ((object)p.Key, p.Value))),
        IDictionary dictionary => FromEntries(Entries(dictionary)),
        IEnumerable list => new YamlSequence(list.Cast<object?>().Select(FromObject)),
        _ => throw new ArgumentException($"a value of type {value.GetType().Name} cannot be written to a profile"),
    };

    private static IEnumerable<(object Key, object? Value)> Entries(IDictionary dictionary)
    {
        var enumerator = dictionary.GetEnumerator();
        while (enumerator.MoveNext())
        {
            yield return (enumerator.Key, enumerator.Value);
        }
    }

    private static YamlMapping FromEntries(IEnumerable<(object Key, object? Value)> entries)
    {
        var mapping = new YamlMapping();
        foreach (var (key, value) in entries)
        {
            var text = Convert.ToString(key, CultureInfo.InvariantCulture) ?? "";
            mapping.Set(text, FromObject(value));
        }

        return mapping;
    }

    private static YamlNode FromJson(JsonNode? json) => json switch
    {
        null => new YamlScalar("null", isPlain: true),
        JsonObject obj => FromEntries(obj.Select(p => ((object)p.Key, (object?)p.Value))),
        JsonArray array => new YamlSequence(array.Select(FromJson)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => YamlScalar.String(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => YamlScalar.Boolean(v.GetValue<bool>()),
        JsonValue v => new YamlScalar(v.ToJsonString(), isPlain: true),
        _ => throw new ArgumentException("unsupported JSON node"),
    };
}
