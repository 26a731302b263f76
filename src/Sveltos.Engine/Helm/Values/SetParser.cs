using System.Globalization;
using System.Text;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// Helm's --set grammar (pkg/strvals) exactly: <c>a.b=v</c> nests maps, <c>a[0]=v</c> and <c>a[1].b=v</c> index lists
/// (padding with nulls, at most index 65536), <c>a={x,y}</c> is a list, <c>,</c> separates assignments, '\' escapes the
/// next character (<c>\,</c> <c>\.</c> <c>\=</c>), at most 30 nested names. Values are typed as Helm types them:
/// true/false (any case) bool, null (any case) null — which later deletes the key —, integers not starting with 0
/// long, "0" long zero, everything else a string; --set-string keeps every value a string. Assignments go into an
/// existing tree (ParseInto), so a later --set overrides one key of a map from a values file.
/// </summary>
public sealed class SetParser
{
    public const int MaxIndex = 65536;

    public const int MaxNestedNameLevel = 30;

    private readonly string _text;
    private readonly bool _stringsOnly;
    private int _position;

    private SetParser(string text, bool stringsOnly)
    {
        _text = text;
        _stringsOnly = stringsOnly;
    }

    /// <summary>Parses one --set line into a new tree.</summary>
    /// <exception cref="FormatException">The line does not follow the grammar; the message is Helm's.</exception>
    public static Dictionary<string, object?> Parse(string line, bool stringsOnly = false)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        ParseInto(line, values, stringsOnly);
        return values;
    }

    /// <summary>Parses one --set (or --set-string) line into <paramref name="values"/>, overwriting what it names.</summary>
    /// <exception cref="FormatException">The line does not follow the grammar; the message is Helm's.</exception>
    public static void ParseInto(string line, Dictionary<string, object?> values, bool stringsOnly = false)
    {
        var parser = new SetParser(line, stringsOnly);
        while (!parser.Key(values, 0))
        {
        }
    }

    /// <summary>One assignment; true at the end of the line.</summary>
    private bool Key(Dictionary<string, object?> data, int nestedLevel)
    {
        try
        {
            return KeyUnchecked(data, nestedLevel);
        }
        catch (InvalidCastException e)
        {
            // Helm recovers the panic of a failed type assertion the same way.
            throw new FormatException($"unable to parse key: {e.Message}");
        }
    }

    private bool KeyUnchecked(Dictionary<string, object?> data, int nestedLevel)
    {
        var (key, last, end) = RunesUntil("=[,.");
        if (end)
        {
            return key.Length == 0 ? true : throw new FormatException($"key \"{key}\" has no value");
        }

        switch (last)
        {
            case '[':
            {
                var index = KeyIndex();
                var list = data.TryGetValue(key, out var existing) ? AsList(existing) : [];
                try
                {
                    list = ListItem(list, index, nestedLevel, out var atEnd);
                    Set(data, key, list);
                    return atEnd;
                }
                catch (ListItemException e)
                {
                    Set(data, key, e.List);
                    throw new FormatException(e.Message);
                }
            }

            case '=':
                return Assign(v => Set(data, key, v));
            case ',':
                Set(data, key, "");
                throw new FormatException($"key \"{key}\" has no value (cannot end with ,)");
            default:
            {
                nestedLevel++;
                if (nestedLevel > MaxNestedNameLevel)
                {
                    throw new FormatException($"value name nested level is greater than maximum supported nested level of {MaxNestedNameLevel}");
                }

                var inner = data.TryGetValue(key, out var existing) ? AsMap(existing) : new Dictionary<string, object?>(StringComparer.Ordinal);
                bool atEnd;
                try
                {
                    atEnd = Key(inner, nestedLevel);
                }
                finally
                {
                    if (inner.Count != 0)
                    {
                        Set(data, key, inner);
                    }
                }

                return atEnd || inner.Count != 0 ? atEnd : throw new FormatException($"key map \"{key}\" has no value");
            }
        }
    }

    /// <summary>The value after '=': a {list}, or the text up to the next ','; true at the end of the line.</summary>
    private bool Assign(Action<object?> set)
    {
        if (AtEnd)
        {
            set("");
            return true;
        }

        if (_text[_position] == '{')
        {
            _position++;
            set(ValueList());
            return false;
        }

        // After a value Helm reports no end of line yet, even at the end: the next key finds it.
        var (value, _, _) = RunesUntil(",");
        set(Typed(value));
        return false;
    }

    private List<object?> ListItem(List<object?> list, long index, int nestedLevel, out bool atEnd)
    {
        atEnd = false;
        if (index < 0)
        {
            throw new ListItemException(list, $"negative {index} index not allowed");
        }

        var (rest, last, end) = RunesUntil("[.=");
        if (rest.Length > 0)
        {
            throw new ListItemException(list, $"unexpected data at end of array index: [{string.Join(' ', rest.Select(c => $"'{c}'"))}]");
        }

        if (end)
        {
            // Helm stops at the end of the line here without an error: "a[0]" leaves the list as it was.
            atEnd = true;
            return list;
        }

        switch (last)
        {
            case '=':
            {
                object? assigned = null;
                Assign(v => assigned = v);
                return SetIndex(list, index, assigned);
            }

            case '[':
            {
                var next = KeyIndex();
                List<object?> current = [];
                if (list.Count > index && list[(int)index] is not null)
                {
                    current = AsList(list[(int)index]);
                }

                var nested = ListItem(current, next, nestedLevel, out atEnd);
                return SetIndex(list, index, nested);
            }

            default:
            {
                var inner = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (list.Count > index)
                {
                    if (list[(int)index] is Dictionary<string, object?> existing)
                    {
                        inner = existing;
                    }
                    else
                    {
                        list[(int)index] = inner;
                    }
                }

                atEnd = Key(inner, nestedLevel);
                return SetIndex(list, index, inner);
            }
        }
    }

    private static List<object?> SetIndex(List<object?> list, long index, object? value)
    {
        if (index < 0)
        {
            throw new ListItemException(list, $"negative {index} index not allowed");
        }

        if (index > MaxIndex)
        {
            throw new ListItemException(list, $"index of {index} is greater than maximum supported index of {MaxIndex}");
        }

        while (list.Count <= index)
        {
            list.Add(null);
        }

        list[(int)index] = value;
        return list;
    }

    private long KeyIndex()
    {
        var (text, _, end) = RunesUntil("]");
        if (end)
        {
            throw new FormatException("error parsing index: EOF");
        }

        if (text.Length == 0 || !IsGoInteger(text))
        {
            throw new FormatException($"error parsing index: strconv.Atoi: parsing \"{text}\": invalid syntax");
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new FormatException($"error parsing index: strconv.Atoi: parsing \"{text}\": value out of range");
    }

    private List<object?> ValueList()
    {
        var list = new List<object?>();
        while (true)
        {
            var (item, last, end) = RunesUntil(",}");
            if (end)
            {
                throw new FormatException("list must terminate with '}'");
            }

            list.Add(Typed(item));
            if (last == '}')
            {
                if (!AtEnd && _text[_position] == ',')
                {
                    _position++;
                }

                return list;
            }
        }
    }

    private (string Text, char Last, bool End) RunesUntil(string stops)
    {
        var text = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (stops.Contains(c))
            {
                return (text.ToString(), c, false);
            }

            if (c == '\\')
            {
                if (_position >= _text.Length)
                {
                    return (text.ToString(), '\0', true);
                }

                c = _text[_position++];
            }

            text.Append(c);
        }

        return (text.ToString(), '\0', true);
    }

    private bool AtEnd => _position >= _text.Length;

    private object? Typed(string value)
    {
        if (_stringsOnly)
        {
            return value;
        }

        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (value == "0")
        {
            return 0L;
        }

        return value.Length > 0 && value[0] != '0' && IsGoInteger(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : value;
    }

    /// <summary>strconv.ParseInt base 10: an optional sign and ASCII digits, nothing else (no spaces).</summary>
    private static bool IsGoInteger(string value)
    {
        var digits = value[0] is '+' or '-' ? value[1..] : value;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    private static List<object?> AsList(object? value) => value as List<object?>
        ?? throw new InvalidCastException($"interface conversion: interface {{}} is {GoTypeName(value)}, not []interface {{}}");

    private static Dictionary<string, object?> AsMap(object? value) => value as Dictionary<string, object?>
        ?? throw new InvalidCastException($"interface conversion: interface {{}} is {GoTypeName(value)}, not map[string]interface {{}}");

    private static string GoTypeName(object? value) => value switch
    {
        null => "nil",
        string => "string",
        bool => "bool",
        long => "int64",
        double => "float64",
        List<object?> => "[]interface {}",
        Dictionary<string, object?> => "map[string]interface {}",
        _ => value.GetType().Name,
    };

    private static void Set(Dictionary<string, object?> data, string key, object? value)
    {
        if (key.Length > 0)
        {
            data[key] = value;
        }
    }

    /// <summary>A list error that still leaves the list as it got so far, as Helm's listItem returns both.</summary>
    private sealed class ListItemException(List<object?> list, string message) : Exception(message)
    {
        public List<object?> List { get; } = list;
    }
}
