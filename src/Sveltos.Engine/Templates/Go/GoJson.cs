using System.Globalization;
using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// Go's encoding/json for the value model: Marshal (keys sorted, floats as Go writes them, &lt; &gt; &amp; escaped
/// unless raw, U+2028/U+2029 always escaped) and Unmarshal into interface{} (every number a float64, the last of
/// duplicate keys wins), with Go's wording for the errors a template can see.
/// </summary>
internal static class GoJson
{
    public const string MapType = "map[string]interface {}";

    public const string SliceType = "[]interface {}";

    /// <exception cref="GoFunctionException">NaN or an infinity: <c>json: unsupported value: NaN</c>.</exception>
    public static string Marshal(object? value, bool escapeHtml = true, bool indent = false)
    {
        var text = new StringBuilder();
        Write(text, value, escapeHtml, indent ? 0 : -1);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, bool escapeHtml, int level)
    {
        if (level > GoValues.MaxDepth)
        {
            throw new GoFunctionException($"the value is nested more than {GoValues.MaxDepth} levels deep");
        }

        switch (value)
        {
            case null:
                text.Append("null");
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
            case string s:
                WriteString(text, s, escapeHtml);
                break;
            case Dictionary<string, object?> map:
                WriteItems(text, '{', '}', map is GoStruct ? map.Keys.AsEnumerable() : map.Keys.Order(StringComparer.Ordinal), level, key =>
                {
                    WriteString(text, key, escapeHtml);
                    text.Append(level >= 0 ? ": " : ":");
                    Write(text, map[key], escapeHtml, Deeper(level));
                });
                break;
            case List<object?> list:
                WriteItems(text, '[', ']', list, level, item => Write(text, item, escapeHtml, Deeper(level)));
                break;
            default:
                WriteString(text, GoValues.ToJson(value)!.GetValue<string>(), escapeHtml);
                break;
        }
    }

    private static int Deeper(int level) => level < 0 ? -1 : level + 1;

    private static void WriteItems<T>(StringBuilder text, char open, char close, IEnumerable<T> items, int level, Action<T> writeItem)
    {
        text.Append(open);
        var any = false;
        foreach (var item in items)
        {
            text.Append(any ? "," : "");
            if (level >= 0)
            {
                text.Append('\n').Append(' ', 2 * (level + 1));
            }

            writeItem(item);
            any = true;
        }

        if (any && level >= 0)
        {
            text.Append('\n').Append(' ', 2 * level);
        }

        text.Append(close);
    }

    /// <summary>encoding/json's float format: shortest digits, fixed notation from 1e-6 up to 1e21, else an exponent without a leading zero (1e-7).</summary>
    public static string Float(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new GoFunctionException($"json: unsupported value: {GoValues.FormatFloat(value)}");
        }

        var magnitude = Math.Abs(value);
        if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21))
        {
            var text = GoValues.FormatFloat(value, exponentThreshold: 0);
            return text.Contains("e-0", StringComparison.Ordinal) ? text.Replace("e-0", "e-", StringComparison.Ordinal) : text;
        }

        return GoValues.FormatFloat(value, exponentThreshold: int.MaxValue, lowestFixedExponent: int.MinValue);
    }

    private static void WriteString(StringBuilder text, string value, bool escapeHtml)
    {
        text.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '<' or '>' or '&' when escapeHtml:
                case < 0x20:
                case 0x2028 or 0x2029:
                    text.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(rune.ToString());
                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>json.Unmarshal into interface{}.</summary>
    /// <exception cref="GoFunctionException">The text is not JSON, in Go's words (<c>invalid character 'x' looking for beginning of value</c>, <c>unexpected end of JSON input</c>).</exception>
    public static object? Unmarshal(string text) => new Reader(text).ReadDocument();

    /// <summary>Go's type-mismatch error for a decoded value that is not the map or slice asked for.</summary>
    public static string CannotUnmarshal(object? value, string type)
    {
        var kind = value switch
        {
            Dictionary<string, object?> => "object",
            List<object?> => "array",
            string => "string",
            double => "number",
            _ => "bool",
        };
        return $"json: cannot unmarshal {kind} into Go value of type {type}";
    }

    /// <summary>Every integer of a decoded tree as a float64, as decoding through JSON into interface{} leaves it.</summary>
    public static object? Floats(object? value)
    {
        switch (value)
        {
            case long l:
                return (double)l;
            case Dictionary<string, object?> map:
                foreach (var key in map.Keys.ToList())
                {
                    map[key] = Floats(map[key]);
                }

                return map;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Floats(list[i]);
                }

                return list;
            default:
                return value;
        }
    }

    /// <summary>A reader that stops where Go's scanner stops and says what Go's scanner says.</summary>
    private sealed class Reader(string text)
    {
        private int _position;

        public object? ReadDocument()
        {
            var value = ReadValue(0);
            SkipSpace();
            return _position < text.Length ? throw Invalid("after top-level value") : value;
        }

        private object? ReadValue(int depth)
        {
            if (depth > GoValues.MaxDepth)
            {
                throw new GoFunctionException($"the JSON is nested more than {GoValues.MaxDepth} levels deep");
            }

            SkipSpace();
            switch (Peek("looking for beginning of value"))
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return ReadString();
                case '-' or (>= '0' and <= '9'):
                    return ReadNumber();
                case 't':
                    return ReadLiteral("true", true);
                case 'f':
                    return ReadLiteral("false", false);
                case 'n':
                    return ReadLiteral("null", null);
                default:
                    throw Invalid("looking for beginning of value");
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            _position++;
            SkipSpace();
            if (Peek("looking for beginning of object key string") == '}')
            {
                _position++;
                return map;
            }

            while (true)
            {
                if (Peek("looking for beginning of object key string") != '"')
                {
                    throw Invalid("looking for beginning of object key string");
                }

                var key = ReadString();
                SkipSpace();
                if (Peek("after object key") != ':')
                {
                    throw Invalid("after object key");
                }

                _position++;
                map[key] = ReadValue(depth + 1);
                SkipSpace();
                var next = Peek("after object key:value pair");
                _position++;
                if (next == '}')
                {
                    return map;
                }

                if (next != ',')
                {
                    _position--;
                    throw Invalid("after object key:value pair");
                }

                SkipSpace();
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var list = new List<object?>();
            _position++;
            SkipSpace();
            if (Peek("looking for beginning of value") == ']')
            {
                _position++;
                return list;
            }

            while (true)
            {
                list.Add(ReadValue(depth + 1));
                SkipSpace();
                var next = Peek("after array element");
                _position++;
                if (next == ']')
                {
                    return list;
                }

                if (next != ',')
                {
                    _position--;
                    throw Invalid("after array element");
                }
            }
        }

        private string ReadString()
        {
            var value = new StringBuilder();
            _position++;
            while (true)
            {
                var c = Peek("in string literal");
                _position++;
                switch (c)
                {
                    case '"':
                        return value.ToString();
                    case < ' ':
                        _position--;
                        throw Invalid("in string literal");
                    case '\\':
                        var escape = Peek("in string escape code");
                        _position++;
                        value.Append(escape switch
                        {
                            '"' or '\\' or '/' => escape,
                            'b' => '\b',
                            'f' => '\f',
                            'n' => '\n',
                            'r' => '\r',
                            't' => '\t',
                            'u' => ReadHex(),
                            _ => throw Invalid("in string escape code", back: 1),
                        });
                        break;
                    default:
                        value.Append(c);
                        break;
                }
            }
        }

        private char ReadHex()
        {
            var code = 0;
            for (var i = 0; i < 4; i++)
            {
                var c = Peek("in \\u hexadecimal character escape");
                if (!char.IsAsciiHexDigit(c))
                {
                    throw Invalid("in \\u hexadecimal character escape");
                }

                code = (code * 16) + Convert.ToInt32(c.ToString(), 16);
                _position++;
            }

            return (char)code;
        }

        private double ReadNumber()
        {
            var start = _position;
            if (text[_position] == '-')
            {
                _position++;
                if (!char.IsAsciiDigit(Peek("in numeric literal")))
                {
                    throw Invalid("in numeric literal");
                }
            }

            if (text[_position] == '0')
            {
                _position++;
            }
            else
            {
                Digits();
            }

            if (_position < text.Length && text[_position] == '.')
            {
                _position++;
                if (!char.IsAsciiDigit(Peek("after decimal point in numeric literal")))
                {
                    throw Invalid("after decimal point in numeric literal");
                }

                Digits();
            }

            if (_position < text.Length && text[_position] is 'e' or 'E')
            {
                _position++;
                if (Peek("in exponent of numeric literal") is '+' or '-')
                {
                    _position++;
                }

                if (!char.IsAsciiDigit(Peek("in exponent of numeric literal")))
                {
                    throw Invalid("in exponent of numeric literal");
                }

                Digits();
            }

            var literal = text[start.._position];
            var number = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(number) ? number : throw new GoFunctionException($"json: cannot unmarshal number {literal} into Go value of type float64");
        }

        private void Digits()
        {
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }
        }

        private object? ReadLiteral(string literal, object? value)
        {
            for (var i = 0; i < literal.Length; i++)
            {
                var context = $"in literal {literal} (expecting '{literal[i]}')";
                if (Peek(context) != literal[i])
                {
                    throw Invalid(context);
                }

                _position++;
            }

            return value;
        }

        private void SkipSpace()
        {
            while (_position < text.Length && text[_position] is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
        }

        /// <summary>The next character; the end of the text is Go's "unexpected end of JSON input" wherever it comes.</summary>
        private char Peek(string context) =>
            _position < text.Length ? text[_position] : throw new GoFunctionException("unexpected end of JSON input");

        private GoFunctionException Invalid(string context, int back = 0)
        {
            var at = _position - back;
            var rune = Rune.TryGetRuneAt(text, at, out var r) ? r : Rune.ReplacementChar;
            var quoted = rune.Value switch
            {
                '\'' => "'\\''",
                '"' => "'\"'",
                _ => "'" + GoFormat.Quote(rune.ToString())[1..^1] + "'",
            };
            return new GoFunctionException($"invalid character {quoted} {context}");
        }
    }
}
