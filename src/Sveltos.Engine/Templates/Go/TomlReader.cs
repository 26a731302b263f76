using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// TOML 1.0 into the value model, for Helm's fromToml (BurntSushi/toml's Unmarshal into a map): integers as int64,
/// floats, strings (basic, literal, multi-line), booleans, date-times, arrays, tables, inline tables and arrays of
/// tables. A bad document is a <see cref="FormatException"/> worded "toml: line N: ...", as the decoder's errors are.
/// </summary>
internal sealed partial class TomlReader
{
    private readonly string _text;
    private readonly Dictionary<string, object?> _root = new(StringComparer.Ordinal);

    /// <summary>Tables and arrays of tables given a [header], which a later header may not open again; inline tables, which nothing may extend.</summary>
    private readonly HashSet<object> _headed = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> _sealed = new(ReferenceEqualityComparer.Instance);
    private int _position;
    private int _line = 1;

    private TomlReader(string text) => _text = text;

    public static Dictionary<string, object?> Read(string text) => new TomlReader(text.Replace("\r\n", "\n", StringComparison.Ordinal)).ReadDocument();

    private Dictionary<string, object?> ReadDocument()
    {
        var table = _root;
        while (true)
        {
            SkipBlankAndComments();
            if (_position >= _text.Length)
            {
                return _root;
            }

            if (Current == '[')
            {
                table = ReadHeader();
            }
            else
            {
                ReadKeyValue(table);
            }

            EndOfLine();
        }
    }

    private char Current => _text[_position];

    private Dictionary<string, object?> ReadHeader()
    {
        var array = _position + 1 < _text.Length && _text[_position + 1] == '[';
        _position += array ? 2 : 1;
        var keys = ReadKey();
        Expect(array ? "]]" : "]");
        var parent = Descend(_root, keys[..^1]);
        var last = keys[^1];
        if (array)
        {
            if (!parent.TryGetValue(last, out var existing))
            {
                existing = new List<object?>();
                parent[last] = existing;
                _headed.Add(existing);
            }

            if (existing is not List<object?> list || !_headed.Contains(list))
            {
                throw Error($"Key '{string.Join('.', keys)}' has already been defined.");
            }

            var entry = new Dictionary<string, object?>(StringComparer.Ordinal);
            list.Add(entry);
            return entry;
        }

        if (parent.TryGetValue(last, out var current))
        {
            if (current is not Dictionary<string, object?> defined || _headed.Contains(defined) || _sealed.Contains(defined))
            {
                throw Error($"Key '{string.Join('.', keys)}' has already been defined.");
            }

            _headed.Add(defined);
            return defined;
        }

        var table = new Dictionary<string, object?>(StringComparer.Ordinal);
        parent[last] = table;
        _headed.Add(table);
        return table;
    }

    /// <summary>The table a dotted key or header path leads to, creating the missing ones; a path through an array of tables goes to its last entry.</summary>
    private Dictionary<string, object?> Descend(Dictionary<string, object?> table, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!table.TryGetValue(key, out var next))
            {
                next = new Dictionary<string, object?>(StringComparer.Ordinal);
                table[key] = next;
            }

            table = next switch
            {
                Dictionary<string, object?> inner when !_sealed.Contains(inner) => inner,
                List<object?> list when _headed.Contains(list) && list.Count > 0 => (Dictionary<string, object?>)list[^1]!,
                _ => throw Error($"Key '{key}' has already been defined."),
            };
        }

        return table;
    }

    private void ReadKeyValue(Dictionary<string, object?> table)
    {
        var keys = ReadKey();
        SkipSpaces();
        Expect("=");
        SkipSpaces();
        var target = Descend(table, keys[..^1]);
        if (target.ContainsKey(keys[^1]))
        {
            throw Error($"Key '{string.Join('.', keys)}' has already been defined.");
        }

        target[keys[^1]] = ReadValue();
    }

    private string[] ReadKey()
    {
        var keys = new List<string>();
        while (true)
        {
            SkipSpaces();
            if (_position >= _text.Length)
            {
                throw Error("unexpected EOF; expected key name");
            }

            keys.Add(Current switch
            {
                '"' => ReadBasicString(),
                '\'' => ReadLiteralString(),
                _ => ReadBareKey(),
            });
            SkipSpaces();
            if (_position < _text.Length && Current == '.')
            {
                _position++;
                continue;
            }

            return [.. keys];
        }
    }

    private string ReadBareKey()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '-'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error($"bare keys cannot contain {Found()}");
    }

    private object? ReadValue()
    {
        if (_position >= _text.Length)
        {
            throw Error("unexpected EOF; expected value");
        }

        switch (Current)
        {
            case '"':
                return StartsWith("\"\"\"") ? ReadMultilineBasicString() : ReadBasicString();
            case '\'':
                return StartsWith("'''") ? ReadMultilineLiteralString() : ReadLiteralString();
            case '[':
                return ReadArray();
            case '{':
                return ReadInlineTable();
        }

        var match = Scalar().Match(_text, _position);
        if (!match.Success || match.Length == 0)
        {
            throw Error($"expected value but found {Found()} instead");
        }

        _position += match.Length;
        return Convert(match.Value);
    }

    private object Convert(string token)
    {
        switch (token)
        {
            case "true":
                return true;
            case "false":
                return false;
            case "inf" or "+inf":
                return double.PositiveInfinity;
            case "-inf":
                return double.NegativeInfinity;
            case "nan" or "+nan" or "-nan":
                return double.NaN;
        }

        if (Integer().IsMatch(token))
        {
            var digits = token.Replace("_", "", StringComparison.Ordinal);
            var negative = digits.StartsWith('-');
            var body = digits.TrimStart('+', '-');
            var (text, radix) = body.Length > 1 && body[0] == '0' ? (body[2..], body[1] switch { 'x' => 16, 'o' => 8, _ => 2 }) : (body, 10);
            try
            {
                var magnitude = radix == 10 ? ulong.Parse(text, CultureInfo.InvariantCulture) : System.Convert.ToUInt64(text, radix);
                return negative
                    ? magnitude <= (ulong)long.MaxValue + 1 ? (long)(0 - magnitude) : throw new OverflowException()
                    : magnitude <= long.MaxValue ? (long)magnitude : throw new OverflowException();
            }
            catch (OverflowException)
            {
                throw Error($"{token} is out of range for int64");
            }
        }

        if (Float().IsMatch(token))
        {
            return double.Parse(token.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (DateTime().Match(token) is { Success: true } date)
        {
            // .NET reads at most seven fractional digits; TOML allows more, and nanoseconds are all Go keeps anyway.
            var text = Fraction().Replace(token.Replace(' ', 'T').Replace('t', 'T').Replace('z', 'Z'), "$1");
            var format = (date.Groups["time"].Success, date.Groups["zone"].Success) switch
            {
                (true, true) => "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
                (true, false) => "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
                _ => "yyyy-MM-dd",
            };
            if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }
        }

        if (LocalTime().IsMatch(token) && TimeSpan.TryParseExact(token, ["hh\\:mm\\:ss", "hh\\:mm\\:ss\\.FFFFFFF"], CultureInfo.InvariantCulture, out var clock))
        {
            return new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero) + clock;
        }

        throw Error($"invalid value {GoFormat.Quote(token)}");
    }

    private List<object?> ReadArray()
    {
        var list = new List<object?>();
        _position++;
        while (true)
        {
            SkipBlankAndComments();
            if (_position >= _text.Length)
            {
                throw Error("unexpected EOF; expected ']'");
            }

            if (Current == ']')
            {
                _position++;
                return list;
            }

            list.Add(ReadValue());
            SkipBlankAndComments();
            if (_position < _text.Length && Current == ',')
            {
                _position++;
            }
            else if (_position >= _text.Length || Current != ']')
            {
                throw Error($"expected a comma (',') or array terminator (']'), but got {Found()}");
            }
        }
    }

    private Dictionary<string, object?> ReadInlineTable()
    {
        var table = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipSpaces();
        if (_position < _text.Length && Current == '}')
        {
            _position++;
            _sealed.Add(table);
            return table;
        }

        while (true)
        {
            ReadKeyValue(table);
            SkipSpaces();
            if (_position < _text.Length && Current == ',')
            {
                _position++;
                continue;
            }

            if (_position < _text.Length && Current == '}')
            {
                _position++;
                _sealed.Add(table);
                return table;
            }

            throw Error($"expected a comma (',') or inline table terminator ('}}'), but got {Found()}");
        }
    }

    private string ReadBasicString()
    {
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length || Current == '\n')
            {
                throw Error("unexpected EOF; expected '\"'");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\')
            {
                value.Append(ReadEscape());
            }
            else
            {
                CheckControl(c);
                value.Append(c);
            }
        }
    }

    private string ReadMultilineBasicString()
    {
        _position += 3;
        SkipNewline();
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unexpected EOF; expected '\"\"\"'");
            }

            if (StartsWith("\"\"\""))
            {
                // Up to two quotes right before the closing three belong to the string.
                var extra = 0;
                while (extra < 2 && _position + 3 + extra < _text.Length && _text[_position + 3 + extra] == '"')
                {
                    extra++;
                }

                value.Append('"', extra);
                _position += 3 + extra;
                return value.ToString();
            }

            var c = _text[_position++];
            if (c == '\\')
            {
                var rest = _position;
                while (rest < _text.Length && _text[rest] is ' ' or '\t')
                {
                    rest++;
                }

                if (rest < _text.Length && _text[rest] == '\n')
                {
                    // A backslash ending a line trims the break and the whitespace after it.
                    _position = rest;
                    while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n')
                    {
                        CountLine();
                        _position++;
                    }

                    continue;
                }

                value.Append(ReadEscape());
                continue;
            }

            if (c == '\n')
            {
                _line++;
            }
            else
            {
                CheckControl(c);
            }

            value.Append(c);
        }
    }

    private string ReadLiteralString()
    {
        _position++;
        var end = _text.IndexOfAny(['\'', '\n'], _position);
        if (end < 0 || _text[end] == '\n')
        {
            throw Error("unexpected EOF; expected \"'\"");
        }

        var value = _text[_position..end];
        _position = end + 1;
        return value;
    }

    private string ReadMultilineLiteralString()
    {
        _position += 3;
        SkipNewline();
        var end = _text.IndexOf("'''", _position, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("unexpected EOF; expected \"'''\"");
        }

        // Up to two quotes right before the closing three belong to the string.
        for (var extra = 0; extra < 2 && end + 3 < _text.Length && _text[end + 3] == '\''; extra++)
        {
            end++;
        }

        var value = _text[_position..end];
        _line += value.Count(c => c == '\n');
        _position = end + 3;
        return value;
    }

    private string ReadEscape()
    {
        if (_position >= _text.Length)
        {
            throw Error("unexpected EOF; expected escape sequence");
        }

        var c = _text[_position++];
        switch (c)
        {
            case 'b': return "\b";
            case 't': return "\t";
            case 'n': return "\n";
            case 'f': return "\f";
            case 'r': return "\r";
            case '"': return "\"";
            case '\\': return "\\";
            case 'u' or 'U':
                var length = c == 'u' ? 4 : 8;
                var hex = _position + length <= _text.Length ? _text.Substring(_position, length) : "";
                if (hex.Length != length || !hex.All(char.IsAsciiHexDigit))
                {
                    throw Error($"invalid escape: '\\{c}{hex}'");
                }

                _position += length;
                var code = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                return code is >= 0xD800 and <= 0xDFFF or > 0x10FFFF ? throw Error($"invalid escape: '\\{c}{hex}'") : char.ConvertFromUtf32(code);
            default:
                throw Error($"invalid escape character {GoFormat.Quote(c.ToString())}; only the following escape characters are allowed: \\b, \\t, \\n, \\f, \\r, \\\", \\\\, \\uXXXX, and \\UXXXXXXXX");
        }
    }

    private void CheckControl(char c)
    {
        if (c is < ' ' and not '\t' or '\x7f')
        {
            throw Error($"control characters are not allowed in strings: 0x{(int)c:x2}");
        }
    }

    private void SkipNewline()
    {
        if (_position < _text.Length && Current == '\n')
        {
            _line++;
            _position++;
        }
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && Current is ' ' or '\t')
        {
            _position++;
        }
    }

    private void SkipBlankAndComments()
    {
        while (_position < _text.Length)
        {
            if (Current is ' ' or '\t' or '\n')
            {
                CountLine();
                _position++;
            }
            else if (Current == '#')
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipComment()
    {
        while (_position < _text.Length && Current != '\n')
        {
            _position++;
        }
    }

    private void EndOfLine()
    {
        SkipSpaces();
        if (_position < _text.Length && Current == '#')
        {
            SkipComment();
        }

        if (_position < _text.Length && Current != '\n')
        {
            throw Error($"expected a top-level item to end with a newline, comment, or EOF, but got {Found()} instead");
        }
    }

    private void CountLine()
    {
        if (Current == '\n')
        {
            _line++;
        }
    }

    private void Expect(string token)
    {
        if (!StartsWith(token))
        {
            throw Error($"expected {GoFormat.Quote(token)} but found {Found()} instead");
        }

        _position += token.Length;
    }

    private bool StartsWith(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

    /// <summary>The character found, as the decoder's %q of a rune writes it ('b', '\n').</summary>
    private string Found() => _position >= _text.Length ? "EOF" : GoFormat.Sprintf("%q", [(long)Current]);

    private FormatException Error(string message) => new($"toml: line {_line}: {message}");

    [GeneratedRegex(@"\G[-+0-9A-Za-z_:.]+( [0-9][-+0-9A-Za-z_:.]*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Scalar();

    [GeneratedRegex(@"^([-+]?(0|[1-9](_?[0-9])*)|0x[0-9A-Fa-f](_?[0-9A-Fa-f])*|0o[0-7](_?[0-7])*|0b[01](_?[01])*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(0|[1-9](_?[0-9])*)(\.[0-9](_?[0-9])*)?([eE][-+]?[0-9](_?[0-9])*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?<time>[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(?<zone>[Zz]|[-+][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();

    [GeneratedRegex(@"^[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalTime();

    [GeneratedRegex(@"(\.[0-9]{7})[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Fraction();
}
