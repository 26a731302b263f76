using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// TOML as Helm's and Sveltos' toToml writes it (BurntSushi/toml's encoder): in each table the plain keys first, then
/// the tables and arrays of tables, each group sorted; nested tables indented two spaces per level; a blank line
/// before each top-level table and each array-of-tables entry; null values left out; inline tables (in arrays) with
/// their plain keys before their tables, as the encoder writes them.
/// </summary>
internal static partial class TomlWriter
{
    public static string Write(object? value)
    {
        if (value is not Dictionary<string, object?> map)
        {
            throw new FormatException("toml: top-level values must be Go maps or structs");
        }

        var text = new StringBuilder();
        WriteTable(text, [], map);
        return text.ToString();
    }

    private static void WriteTable(StringBuilder text, List<string> path, Dictionary<string, object?> map)
    {
        var keys = map.Where(p => p.Value is not null).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        foreach (var key in keys.Where(k => !IsTable(map[k]) && !IsTableArray(map[k])))
        {
            text.Append(Indent(path.Count)).Append(Key(key)).Append(" = ");
            WriteValue(text, map[key]);
            text.Append('\n');
        }

        foreach (var key in keys.Where(k => IsTable(map[k]) || IsTableArray(map[k])))
        {
            var inner = new List<string>(path) { key };
            var header = string.Join('.', inner.Select(Key));
            if (map[key] is Dictionary<string, object?> table)
            {
                if (inner.Count == 1 && text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(Indent(path.Count)).Append('[').Append(header).Append("]\n");
                WriteTable(text, inner, table);
                continue;
            }

            foreach (var entry in ((List<object?>)map[key]!).OfType<Dictionary<string, object?>>())
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(Indent(path.Count)).Append("[[").Append(header).Append("]]\n");
                WriteTable(text, inner, entry);
            }
        }
    }

    private static bool IsTable(object? value) => value is Dictionary<string, object?>;

    private static bool IsTableArray(object? value) => value is List<object?> { Count: > 0 } list && list.All(IsTable);

    private static string Indent(int depth) => new(' ', 2 * Math.Max(0, depth));

    private static string Key(string key) => BareKey().IsMatch(key) ? key : Quote(key);

    private static void WriteValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case string s:
                text.Append(Quote(s));
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case long l:
                text.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(Float(d));
                break;
            case DateTimeOffset t:
                text.Append(GoTime.Format(t, "2006-01-02T15:04:05.999999999Z07:00"));
                break;
            case List<object?> list:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    text.Append(i > 0 ? ", " : "");
                    WriteValue(text, list[i] ?? throw new FormatException("toml: cannot encode array with nil element"));
                }

                text.Append(']');
                break;
            case Dictionary<string, object?> map:
                text.Append('{');
                var first = true;
                var keys = map.Keys.Where(k => map[k] is not null).Order(StringComparer.Ordinal).ToList();
                foreach (var key in keys.Where(k => !IsTable(map[k]) && !IsTableArray(map[k])).Concat(keys.Where(k => IsTable(map[k]) || IsTableArray(map[k]))))
                {
                    text.Append(first ? "" : ", ").Append(Key(key)).Append(" = ");
                    WriteValue(text, map[key]);
                    first = false;
                }

                text.Append('}');
                break;
            default:
                text.Append(Quote(GoValues.Sprint(value)));
                break;
        }
    }

    /// <summary>strconv.FormatFloat(f, 'f', -1, 64) (shortest digits, never an exponent), with ".0" added to whole numbers so they stay floats.</summary>
    private static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = GoValues.FormatFloat(value, exponentThreshold: int.MaxValue, lowestFixedExponent: int.MinValue);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                < ' ' or '\x7f' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex BareKey();
}
