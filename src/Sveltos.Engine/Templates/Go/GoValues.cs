using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// The value model of Go templates in .NET: maps are <see cref="Dictionary{TKey,TValue}"/> of string to object,
/// slices are <see cref="List{T}"/>, integers <see cref="long"/>, floats <see cref="double"/>, plus string, bool and
/// null. Data is copied into this model once per rendering, so a template never touches the caller's objects and
/// concurrent renderings share nothing mutable.
/// </summary>
internal static class GoValues
{
    public const int MaxDepth = 100;

    public static object? Normalize(object? value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new GoFunctionException($"the data is nested more than {MaxDepth} levels deep");
        }

        switch (value)
        {
            case null or string or bool or long or double or DateTimeOffset or GoFunction or Delegate:
                return value;
            case int or short or sbyte or byte or ushort or uint:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ulong u:
                return u <= long.MaxValue ? (long)u : (double)u;
            case float or decimal:
                return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            case char c:
                return (long)c;
            case DateTime dt:
                return new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt);
            case byte[] bytes:
                return bytes.Select(b => (object?)(long)b).ToList();
            case JsonObject obj:
                var map = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
                foreach (var (key, item) in obj)
                {
                    map[key] = Normalize(item, depth + 1);
                }

                return map;
            case JsonArray array:
                var list = new List<object?>(array.Count);
                foreach (var item in array)
                {
                    list.Add(Normalize(item, depth + 1));
                }

                return list;
            case JsonValue json:
                return json.GetValueKind() switch
                {
                    JsonValueKind.String => json.GetValue<object>() is JsonElement e ? e.GetString() : Normalize(json.GetValue<object>(), depth),
                    JsonValueKind.Number => json.TryGetValue<long>(out var l) ? l : json.TryGetValue<JsonElement>(out var n) ? (n.TryGetInt64(out var nl) ? nl : n.GetDouble()) : Normalize(json.GetValue<object>(), depth),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
            case JsonElement element:
                return Normalize(JsonSerializer.SerializeToNode(element), depth);
            case IDictionary dictionary:
                var copy = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    copy[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = Normalize(entry.Value, depth + 1);
                }

                return copy;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                var fromPairs = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, item) in pairs)
                {
                    fromPairs[key] = Normalize(item, depth + 1);
                }

                return fromPairs;
            case IEnumerable sequence:
                var items = new List<object?>();
                foreach (var item in sequence)
                {
                    items.Add(Normalize(item, depth + 1));
                }

                return items;
            default:
                return value;
        }
    }

    /// <summary>
    /// The value in the model without copying what already is: dictionaries and lists of the model are kept, and only
    /// entries of other types are converted, in place. Helm's templates share (and may change) one values tree.
    /// </summary>
    public static object? Adopt(object? value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new GoFunctionException($"the data is nested more than {MaxDepth} levels deep");
        }

        switch (value)
        {
            case Dictionary<string, object?> map:
                List<(string Key, object? Value)>? converted = null;
                foreach (var (key, item) in map)
                {
                    var adopted = Adopt(item, depth + 1);
                    if (!ReferenceEquals(adopted, item))
                    {
                        (converted ??= []).Add((key, adopted));
                    }
                }

                foreach (var (key, adopted) in converted ?? [])
                {
                    map[key] = adopted;
                }

                return map;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Adopt(list[i], depth + 1);
                }

                return list;
            default:
                return Normalize(value, depth);
        }
    }

    /// <summary>A JSON tree of a value, map keys sorted as Go's encoders write them.</summary>
    public static JsonNode? ToJson(object? value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new GoFunctionException($"the value is nested more than {MaxDepth} levels deep");
        }

        switch (value)
        {
            case null:
                return null;
            case Dictionary<string, object?> map:
                var obj = new JsonObject();
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    obj[key] = ToJson(map[key], depth + 1);
                }

                return obj;
            case List<object?> list:
                var array = new JsonArray();
                foreach (var item in list)
                {
                    array.Add(ToJson(item, depth + 1));
                }

                return array;
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case long l:
                return JsonValue.Create(l);
            case double d:
                return double.IsFinite(d) ? JsonValue.Create(d) : throw new GoFunctionException($"json: unsupported value: {FormatFloat(d)}");
            case DateTimeOffset t:
                return JsonValue.Create(t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture));
            default:
                return JsonValue.Create(Sprint(value));
        }
    }

    /// <summary>Go's truth: false, 0, nil and empty strings, slices and maps are false.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        ICollection c => c.Count > 0,
        GoObject { MapEntries: { } entries } => entries.Count > 0,
        _ => true,
    };

    /// <summary>What Go prints for an invalid value (a missing key, a nil action result).</summary>
    public const string NoValue = "<no value>";

    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        string => "string",
        long => "int",
        double => "float64",
        bool => "bool",
        Dictionary<string, object?> => "map[string]interface {}",
        List<object?> => "[]interface {}",
        DateTimeOffset => "time.Time",
        GoFunction or Delegate => "func",
        GoObject o => o.GoTypeName,
        _ => value.GetType().Name,
    };

    /// <summary>Go's kind names (reflect.Kind), as Sprig's kindOf reports them.</summary>
    public static string KindName(object? value) => value switch
    {
        null => "invalid",
        string => "string",
        long => "int",
        double => "float64",
        bool => "bool",
        Dictionary<string, object?> => "map",
        List<object?> => "slice",
        DateTimeOffset => "struct",
        GoFunction or Delegate => "func",
        _ => "ptr",
    };

    /// <summary>fmt.Sprint of one value (the %v verb).</summary>
    public static string Sprint(object? value)
    {
        var text = new StringBuilder();
        AppendValue(text, value, 0);
        return text.ToString();
    }

    public static void AppendValue(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("<nil>");
                break;
            case string s:
                text.Append(s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case long l:
                text.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(FormatFloat(d));
                break;
            case Dictionary<string, object?> map:
                text.Append("map[");
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(' ');
                    }

                    first = false;
                    text.Append(key).Append(':');
                    AppendValue(text, map[key], depth + 1);
                }

                text.Append(']');
                break;
            case List<object?> list:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(' ');
                    }

                    AppendValue(text, list[i], depth + 1);
                }

                text.Append(']');
                break;
            case DateTimeOffset t:
                text.Append(GoTime.Format(t, "2006-01-02 15:04:05.999999999 -0700 MST"));
                break;
            case byte[] bytes:
                text.Append('[').AppendJoin(' ', bytes).Append(']');
                break;
            case GoFunction or Delegate:
                text.Append("0x0");
                break;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>strconv.FormatFloat(f, 'g', -1, 64), as fmt's %v writes it: shortest digits, an exponent below 1e-4 and from 1e6 (JSON: from 1e21).</summary>
    public static string FormatFloat(double value, int exponentThreshold = 6, int lowestFixedExponent = -4)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (digits, point) = ShortestDigits(Math.Abs(value));
        var sign = value < 0 ? "-" : "";
        var exponent = point - 1;
        if (exponent < lowestFixedExponent || exponent >= exponentThreshold)
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }

        if (point <= 0)
        {
            return sign + "0." + new string('0', -point) + digits;
        }

        return point >= digits.Length
            ? sign + digits + new string('0', point - digits.Length)
            : sign + digits[..point] + "." + digits[point..];
    }

    /// <summary>The shortest round-trip decimal digits of a positive double, and where the decimal point goes.</summary>
    internal static (string Digits, int Point) ShortestDigits(double value)
    {
        var round = value.ToString("R", CultureInfo.InvariantCulture);
        var ePos = round.IndexOfAny(['E', 'e']);
        var mantissa = ePos < 0 ? round : round[..ePos];
        var exponent = ePos < 0 ? 0 : int.Parse(round[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        var all = intPart + fracPart;
        var point = intPart.Length + exponent;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..];
        point -= lead;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, point);
    }
}
