using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Sveltos.Engine.Templates.Go.GoConvert;

namespace Sveltos.Engine.Templates.Go;

/// <summary>Sprig v3's functions, with Sprig's argument order (the value last, for pipelines) and conversions.</summary>
internal static partial class GoFunctions
{
    private static readonly ConcurrentDictionary<string, Regex> Regexes = new(StringComparer.Ordinal);

    private static Regex Pattern(GoExecution e, object? pattern)
    {
        var text = Str(pattern);
        try
        {
            return Regexes.Count < 1000
                ? Regexes.GetOrAdd(text, p => new Regex(p, RegexOptions.CultureInvariant, e.Limits.Timeout))
                : new Regex(text, RegexOptions.CultureInvariant, e.Limits.Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new GoFunctionException($"error parsing regexp: {ex.Message}");
        }
    }

    /// <summary>An invalid pattern: null, for regexMatch, the one regex function of Sprig that ignores it.</summary>
    private static Regex? TryPattern(GoExecution e, object? pattern)
    {
        var text = Str(pattern);
        try
        {
            return Pattern(e, text);
        }
        catch (GoFunctionException)
        {
            return null;
        }
    }

    /// <summary>A regex function and its must* twin: Sprig's plain one panics on a bad pattern, which a template reports as an error too.</summary>
    private static void AddWithMust(Adder add, string name, int arity, Func<GoExecution, object?[], object?> body)
    {
        add(name, arity, arity, body);
        add(Must(name), arity, arity, body);
    }

    private static void AddSprigStrings(Adder add)
    {
        add("upper", 1, 1, (_, a) => Str(a[0]).ToUpperInvariant());
        add("lower", 1, 1, (_, a) => Str(a[0]).ToLowerInvariant());
        add("title", 1, 1, (_, a) => Title(Str(a[0])));
        add("untitle", 1, 1, (_, a) => string.Join(' ', Str(a[0]).Split(' ').Select(w => w.Length > 0 ? char.ToLowerInvariant(w[0]) + w[1..] : w)));
        add("trim", 1, 1, (_, a) => Str(a[0]).Trim());
        add("trimAll", 2, 2, (_, a) => Str(a[1]).Trim(Str(a[0]).ToCharArray()));
        add("trimall", 2, 2, (_, a) => Str(a[1]).Trim(Str(a[0]).ToCharArray()));
        add("trimPrefix", 2, 2, (_, a) => Str(a[1]) is var s && s.StartsWith(Str(a[0]), StringComparison.Ordinal) ? s[Str(a[0]).Length..] : s);
        add("trimSuffix", 2, 2, (_, a) => Str(a[1]) is var s && s.EndsWith(Str(a[0]), StringComparison.Ordinal) ? s[..^Str(a[0]).Length] : s);
        add("trunc", 2, 2, (_, a) => Trunc(Int(a[0]), Str(a[1])));
        add("hello", 0, 0, (_, _) => "Hello!");
        add("abbrevboth", 3, 3, (_, a) => AbbreviateBoth(Int(a[0]), Int(a[1]), Str(a[2])));
        add("shuffle", 1, 1, (_, a) => string.Concat(Str(a[0]).EnumerateRunes().OrderBy(_ => System.Random.Shared.Next())));
        add("randInt", 2, 2, (_, a) => Int(a[1]) - Int(a[0]) is var span && span > 0
            ? (long)System.Random.Shared.Next(span) + Int(a[0])
            : throw new GoFunctionException("invalid argument to Intn"));
        add("abbrev", 2, 2, (_, a) => Int(a[0]) is var w && Str(a[1]) is var s && s.Length > w && w >= 4 ? s[..(w - 3)] + "..." : Str(a[1]));
        add("contains", 2, 2, (_, a) => Str(a[1]).Contains(Str(a[0]), StringComparison.Ordinal));
        add("hasPrefix", 2, 2, (_, a) => Str(a[1]).StartsWith(Str(a[0]), StringComparison.Ordinal));
        add("hasSuffix", 2, 2, (_, a) => Str(a[1]).EndsWith(Str(a[0]), StringComparison.Ordinal));
        add("replace", 3, 3, (e, a) => e.Bounded(Str(a[0]).Length == 0 ? Str(a[2]) : Str(a[2]).Replace(Str(a[0]), Str(a[1]), StringComparison.Ordinal)));
        add("repeat", 2, 2, (e, a) => Int(a[0]) is var n && (long)n * Str(a[1]).Length > e.Limits.MaxOutputLength ? e.Bounded(new string(' ', e.Limits.MaxOutputLength + 1)) : string.Concat(Enumerable.Repeat(Str(a[1]), Math.Max(0, Int(a[0])))));
        add("substr", 3, 3, (_, a) => Substr(Int(a[0]), Int(a[1]), Str(a[2])));
        add("nospace", 1, 1, (_, a) => string.Concat(Str(a[0]).Where(c => !char.IsWhiteSpace(c))));
        add("cat", 0, Many, (_, a) => string.Join(' ', a.Where(v => v is not null).Select(ToText)));
        add("indent", 2, 2, (e, a) => e.Bounded(Indent(Int(a[0]), Str(a[1]))));
        add("nindent", 2, 2, (e, a) => e.Bounded("\n" + Indent(Int(a[0]), Str(a[1]))));
        add("quote", 0, Many, (_, a) => string.Join(' ', a.Where(v => v is not null).Select(v => GoFormat.Quote(ToText(v)))));
        add("squote", 0, Many, (_, a) => string.Join(' ', a.Where(v => v is not null).Select(v => "'" + ToText(v) + "'")));
        add("split", 2, 2, (_, a) => Parts(GoSplit(Str(a[1]), Str(a[0]), -1)));
        add("splitn", 3, 3, (_, a) => Parts(GoSplit(Str(a[2]), Str(a[0]), Int(a[1]))));
        add("splitList", 2, 2, (_, a) => GoSplit(Str(a[1]), Str(a[0]), -1).Select(s => (object?)s).ToList());
        add("join", 2, 2, (_, a) => string.Join(Str(a[0]), Strings(a[1])));
        add("toStrings", 1, 1, (_, a) => Strings(a[0]).Select(s => (object?)s).ToList());
        add("sortAlpha", 1, 1, (_, a) => Strings(a[0]).Order(StringComparer.Ordinal).Select(s => (object?)s).ToList());
        add("snakecase", 1, 1, (_, a) => Words(Str(a[0]), "_", lower: true));
        add("kebabcase", 1, 1, (_, a) => Words(Str(a[0]), "-", lower: true));
        add("camelcase", 1, 1, (_, a) => SprigCase.ToPascalCase(Str(a[0])));
        add("swapcase", 1, 1, (_, a) => string.Concat(Str(a[0]).Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))));
        add("initials", 1, 1, (_, a) => string.Concat(Str(a[0]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0])));
        add("plural", 3, 3, (_, a) => ToInt64(a[2]) == 1 ? Str(a[0]) : Str(a[1]));
        add("wrap", 2, 2, (_, a) => Wrap(Int(a[0]), Str(a[1]), "\n"));
        add("wrapWith", 3, 3, (_, a) => Wrap(Int(a[0]), Str(a[2]), Str(a[1])));
        add("randAlphaNum", 1, 1, (e, a) => Random(e, a[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        add("randAlpha", 1, 1, (e, a) => Random(e, a[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"));
        add("randNumeric", 1, 1, (e, a) => Random(e, a[0], "0123456789"));
        add("randAscii", 1, 1, (e, a) => Random(e, a[0], string.Concat(Enumerable.Range(32, 95).Select(i => (char)i))));
        add("regexMatch", 2, 2, (e, a) => TryPattern(e, a[0]) is { } r && r.IsMatch(Str(a[1])));
        add("mustRegexMatch", 2, 2, (e, a) => Pattern(e, a[0]).IsMatch(Str(a[1])));
        AddWithMust(add, "regexFind", 2, (e, a) => Pattern(e, a[0]).Match(Str(a[1])) is { Success: true } m ? m.Value : "");
        AddWithMust(add, "regexFindAll", 3, (e, a) => GoRegex.Matches(Pattern(e, a[0]), Str(a[1]), Int(a[2])).Select(m => (object?)m.Value).ToList());
        AddWithMust(add, "regexReplaceAll", 3, (e, a) => e.Bounded(GoRegex.Replace(Pattern(e, a[0]), Str(a[1]), m => m.Result(GoReplacement(Str(a[2]))))));
        AddWithMust(add, "regexReplaceAllLiteral", 3, (e, a) => e.Bounded(GoRegex.Replace(Pattern(e, a[0]), Str(a[1]), _ => Str(a[2]))));
        AddWithMust(add, "regexSplit", 3, (e, a) => GoRegex.Split(Pattern(e, a[0]), Str(a[1]), Int(a[2])));
        add("regexQuoteMeta", 1, 1, (_, a) => Regex.Escape(Str(a[0])));
        add("toString", 1, 1, (_, a) => ToText(a[0]));
        add("b64enc", 1, 1, (_, a) => Convert.ToBase64String(Encoding.UTF8.GetBytes(ToText(a[0]))));
        add("b64dec", 1, 1, (_, a) => TryDecode(() => Convert.FromBase64String(ToText(a[0]))));
        add("b32enc", 1, 1, (_, a) => Base32(Encoding.UTF8.GetBytes(ToText(a[0]))));
        add("b32dec", 1, 1, (_, a) => Base32Decode(ToText(a[0])));
        add("sha1sum", 1, 1, (_, a) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(Str(a[0])))).ToLowerInvariant());
        add("sha256sum", 1, 1, (_, a) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Str(a[0])))).ToLowerInvariant());
        add("sha512sum", 1, 1, (_, a) => Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(Str(a[0])))).ToLowerInvariant());
        add("adler32sum", 1, 1, (_, a) => Adler32(Encoding.UTF8.GetBytes(Str(a[0]))).ToString(CultureInfo.InvariantCulture));
        add("uuidv4", 0, 0, (_, _) => Guid.NewGuid().ToString());
    }

    private static string TryDecode(Func<byte[]> decode)
    {
        try
        {
            return Encoding.UTF8.GetString(decode());
        }
        catch (FormatException e)
        {
            // Sprig returns the error text instead of failing.
            return e.Message;
        }
    }

    private static string GoReplacement(string replacement) => Regex.Replace(replacement, @"\$(\w+)", m => "${" + m.Groups[1].Value + "}");

    private static string Title(string text)
    {
        var result = new StringBuilder(text.Length);
        var previous = ' ';
        foreach (var c in text)
        {
            result.Append(char.IsLetterOrDigit(previous) || previous == '_' || previous == '\'' ? c : char.ToUpperInvariant(c));
            previous = c;
        }

        return result.ToString();
    }

    private static string Trunc(int length, string text) =>
        length < 0 ? (-length < text.Length ? text[(text.Length + length)..] : text) : length < text.Length ? text[..length] : text;

    private static string Substr(int start, int end, string text)
    {
        if (start < 0)
        {
            return text[..Math.Clamp(end, 0, text.Length)];
        }

        if (end < 0 || end > text.Length)
        {
            return start > text.Length ? "" : text[start..];
        }

        return start > end ? "" : text[start..end];
    }

    private static string Indent(int width, string text)
    {
        var pad = new string(' ', Math.Max(0, width));
        return pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    /// <summary>Go's strings.SplitN: at most <paramref name="count"/> parts (all when negative, none when 0); an empty separator splits after each character.</summary>
    private static string[] GoSplit(string text, string separator, int count)
    {
        if (count == 0)
        {
            return [];
        }

        if (separator.Length > 0)
        {
            return count < 0 ? text.Split(separator) : text.Split(separator, count);
        }

        var characters = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (count > 0 && characters.Count > count)
        {
            characters[count - 1] = string.Concat(characters.Skip(count - 1));
            characters.RemoveRange(count, characters.Count - count);
        }

        return [.. characters];
    }

    private static Dictionary<string, object?> Parts(string[] parts)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            map["_" + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        }

        return map;
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        List<object?> list => list.Where(v => v is not null).Select(ToText),
        string s => [s],
        null => [],
        _ => [ToText(value)],
    };

    private static string Words(string text, string separator, bool lower)
    {
        var words = Regex.Matches(text, "[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+").Select(m => m.Value);
        return string.Join(separator, words.Select(w => lower ? w.ToLowerInvariant() : w));
    }

    private static string Wrap(int width, string text, string newline)
    {
        var result = new StringBuilder();
        var line = 0;
        foreach (var word in text.Split(' '))
        {
            if (line > 0 && line + 1 + word.Length > width)
            {
                result.Append(newline);
                line = 0;
            }
            else if (line > 0)
            {
                result.Append(' ');
                line++;
            }

            result.Append(word);
            line += word.Length;
        }

        return result.ToString();
    }

    private static string Random(GoExecution e, object? count, string alphabet)
    {
        var n = Int(count);
        e.CountItems(n);
        return RandomNumberGenerator.GetString(alphabet, Math.Max(0, n));
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var result = new StringBuilder();
        for (var i = 0; i < data.Length; i += 5)
        {
            var chunk = data.Skip(i).Take(5).ToArray();
            ulong buffer = 0;
            for (var j = 0; j < 5; j++)
            {
                buffer = (buffer << 8) | (j < chunk.Length ? chunk[j] : 0u);
            }

            var chars = (int)Math.Ceiling(chunk.Length * 8 / 5.0);
            for (var j = 0; j < 8; j++)
            {
                result.Append(j < chars ? alphabet[(int)((buffer >> (35 - (j * 5))) & 31)] : '=');
            }
        }

        return result.ToString();
    }

    /// <summary>Go's base32.StdEncoding.DecodeString; like b64dec, Sprig returns the error text.</summary>
    private static string Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        ulong buffer = 0;
        var bits = 0;
        var end = text.IndexOf('=', StringComparison.Ordinal) is var pad && pad >= 0 ? pad : text.Length;
        if (text.Length % 8 != 0 || text[end..].Any(c => c != '=') || (end < text.Length && end % 8 is not (2 or 4 or 5 or 7)))
        {
            return $"illegal base32 data at input byte {(text.Length % 8 != 0 ? text.Length - (text.Length % 8) : end)}";
        }

        for (var i = 0; i < end; i++)
        {
            var value = alphabet.IndexOf(text[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return $"illegal base32 data at input byte {i}";
            }

            buffer = (buffer << 5) | (uint)value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>goutils.AbbreviateFull, with Sprig's guard: "..." on the side(s) cut, at most <paramref name="width"/> characters.</summary>
    private static string AbbreviateBoth(int offset, int width, string text)
    {
        if (width < 4 || (offset > 0 && width < 7) || text.Length <= width)
        {
            return text;
        }

        offset = Math.Min(offset, text.Length);
        if (text.Length - offset < width - 3)
        {
            offset = text.Length - (width - 3);
        }

        if (offset <= 4)
        {
            return text[..(width - 3)] + "...";
        }

        var rest = text[offset..];
        return offset + width - 3 < text.Length
            ? "..." + (rest.Length > width - 3 ? rest[..(width - 6)] + "..." : rest)
            : "..." + text[^(width - 3)..];
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }

    private static void AddSprigLists(Adder add)
    {
        add("list", 0, Many, (_, a) => a.ToList());
        add("tuple", 0, Many, (_, a) => a.ToList());
        // Sprig's plain list functions panic where the must* ones return an error; a template reports both the same way.
        void Both(string name, int min, int max, Func<GoExecution, object?[], object?> body)
        {
            add(name, min, max, body);
            add(Must(name), min, max, body);
        }

        Both("first", 1, 1, (_, a) => List(a[0], "first") is { Count: > 0 } l ? l[0] : null);
        Both("last", 1, 1, (_, a) => List(a[0], "last") is { Count: > 0 } l ? l[^1] : null);
        // Sprig returns a nil []interface{} for an empty list, which prints as [].
        Both("rest", 1, 1, (_, a) => List(a[0], "rest").Skip(1).ToList());
        Both("initial", 1, 1, (_, a) => List(a[0], "initial").SkipLast(1).ToList());
        Both("append", 2, 2, (_, a) => List(a[0], "push").Append(a[1]).ToList());
        Both("push", 2, 2, (_, a) => List(a[0], "push").Append(a[1]).ToList());
        Both("prepend", 2, 2, (_, a) => List(a[0], "prepend").Prepend(a[1]).ToList());
        add("concat", 0, Many, (_, a) => a.SelectMany(l => List(l, "concat")).ToList());
        Both("reverse", 1, 1, (_, a) => Enumerable.Reverse(List(a[0], "reverse")).ToList());
        Both("uniq", 1, 1, (_, a) => List(a[0], "uniq").Aggregate(new List<object?>(), (r, v) => { if (!r.Any(x => DeepEqual(x, v))) { r.Add(v); } return r; }));
        Both("without", 1, Many, (_, a) => List(a[0], "without").Where(v => !a.Skip(1).Any(x => DeepEqual(x, v))).ToList());
        Both("has", 2, 2, (_, a) => List(a[1], "has").Any(v => DeepEqual(v, a[0])));
        Both("compact", 1, 1, (_, a) => List(a[0], "compact").Where(v => !IsEmpty(v)).ToList());
        Both("chunk", 2, 2, (_, a) => Int(a[0]) is var size && size > 0
            ? List(a[1], "chunk").Chunk(size).Select(c => (object?)c.ToList()).ToList()
            : throw new GoFunctionException("runtime error: integer divide by zero"));
        add("mustSlice", 1, 3, (_, a) => SprigSlice(a[0], a[1..]));
        add("until", 1, 1, (e, a) => Step(e, 0, ToInt64(a[0]), ToInt64(a[0]) >= 0 ? 1 : -1));
        add("untilStep", 3, 3, (e, a) => Step(e, ToInt64(a[0]), ToInt64(a[1]), ToInt64(a[2])));
        add("seq", 0, Many, (e, a) => a.Length > 3 ? "" : Seq(e, a.Select(x => (long)Int(x)).ToArray()));
        add("dict", 0, Many, (_, a) => Dict(a));
        add("get", 2, 2, (_, a) => Map(a[0]).TryGetValue(Str(a[1]), out var v) ? v : "");
        add("set", 3, 3, (_, a) => { var m = Map(a[0]); m[Str(a[1])] = a[2]; return m; });
        add("unset", 2, 2, (_, a) => { var m = Map(a[0]); m.Remove(Str(a[1])); return m; });
        add("hasKey", 2, 2, (_, a) => Map(a[0]).ContainsKey(Str(a[1])));
        add("keys", 0, Many, (_, a) => a.SelectMany(m => Map(m).Keys).Order(StringComparer.Ordinal).Select(k => (object?)k).ToList());
        add("values", 1, 1, (_, a) => Map(a[0]).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList());
        add("pluck", 1, Many, (_, a) => a.Skip(1).Select(Map).Where(m => m.ContainsKey(Str(a[0]))).Select(m => m[Str(a[0])]).ToList());
        add("pick", 1, Many, (_, a) => Map(a[0]).Where(p => a.Skip(1).Select(ToText).Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        add("omit", 1, Many, (_, a) => Map(a[0]).Where(p => !a.Skip(1).Select(ToText).Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        add("merge", 1, Many, (_, a) => a.Skip(1).Aggregate(Map(a[0]), (d, s) => Merge(d, Map(s), overwrite: false)));
        add("mustMerge", 1, Many, (_, a) => a.Skip(1).Aggregate(Map(a[0]), (d, s) => Merge(d, Map(s), overwrite: false)));
        add("mergeOverwrite", 1, Many, (_, a) => a.Skip(1).Aggregate(Map(a[0]), (d, s) => Merge(d, Map(s), overwrite: true)));
        add("mustMergeOverwrite", 1, Many, (_, a) => a.Skip(1).Aggregate(Map(a[0]), (d, s) => Merge(d, Map(s), overwrite: true)));
        add("deepCopy", 1, 1, (_, a) => DeepCopy(a[0]));
        add("mustDeepCopy", 1, 1, (_, a) => DeepCopy(a[0]));
        add("dig", 2, Many, (_, a) => Dig(a));
    }

    /// <summary>Sprig's slice (which shadows Go's builtin in Sprig, but not here): lists only, lenient indexes, nil for an empty list.</summary>
    private static object? SprigSlice(object? value, object?[] indexes)
    {
        if (value is not List<object?> list)
        {
            throw new GoFunctionException($"list should be type of slice or array but {GoValues.KindName(value)}");
        }

        if (list.Count == 0)
        {
            return null;
        }

        var start = indexes.Length > 0 ? ToInt64(indexes[0]) : 0;
        var end = indexes.Length > 1 ? ToInt64(indexes[1]) : list.Count;
        return start >= 0 && start <= end && end <= list.Count
            ? list.GetRange((int)start, (int)(end - start))
            : throw new GoFunctionException("reflect: slice index out of range");
    }

    private static Dictionary<string, object?> Dict(object?[] a)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < a.Length; i += 2)
        {
            map[ToText(a[i])] = i + 1 < a.Length ? a[i + 1] : "";
        }

        return map;
    }

    private static object? Dig(object?[] a)
    {
        object? current = Map(a[^1]);
        foreach (var key in a[..^2])
        {
            if (current is not Dictionary<string, object?> map || !map.TryGetValue(Str(key), out current))
            {
                return a[^2];
            }
        }

        return current;
    }

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> destination, Dictionary<string, object?> source, bool overwrite)
    {
        foreach (var (key, value) in source)
        {
            if (destination.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> inner && value is Dictionary<string, object?> from)
            {
                Merge(inner, from, overwrite);
            }
            else if (!destination.ContainsKey(key) || (overwrite && !IsEmpty(value)) || (!overwrite && IsEmpty(existing) && existing is not Dictionary<string, object?>))
            {
                // mergo sets the source's value itself: a map or list it adds is shared with the source, not copied.
                destination[key] = value;
            }
        }

        return destination;
    }

    private static List<object?> Step(GoExecution e, long start, long stop, long step)
    {
        var result = new List<object?>();
        if (step == 0 || (step > 0 && start >= stop) || (step < 0 && start <= stop))
        {
            return result;
        }

        e.CountItems(Math.Abs((stop - start) / step));
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            result.Add(i);
        }

        return result;
    }

    private static string Seq(GoExecution e, long[] p)
    {
        var (start, step, end) = p.Length switch
        {
            0 => (1L, 1L, 0L),
            1 => (1L, p[0] >= 1 ? 1L : -1L, p[0]),
            2 => (p[0], p[1] >= p[0] ? 1L : -1L, p[1]),
            _ => (p[0], p[1], p[2]),
        };
        if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end))
        {
            return "";
        }

        e.CountItems(Math.Abs((end - start) / step) + 1);
        var items = new List<string>();
        for (var i = start; step > 0 ? i <= end : i >= end; i += step)
        {
            items.Add(i.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(' ', items);
    }

    private static void AddSprigMath(Adder add)
    {
        add("add", 0, Many, (_, a) => a.Sum(ToInt64));
        add("add1", 1, 1, (_, a) => ToInt64(a[0]) + 1);
        add("sub", 2, 2, (_, a) => ToInt64(a[0]) - ToInt64(a[1]));
        add("mul", 1, Many, (_, a) => a.Aggregate(1L, (p, v) => p * ToInt64(v)));
        add("div", 2, 2, (_, a) => ToInt64(a[1]) == 0 ? throw new GoFunctionException("runtime error: integer divide by zero") : ToInt64(a[0]) / ToInt64(a[1]));
        add("mod", 2, 2, (_, a) => ToInt64(a[1]) == 0 ? throw new GoFunctionException("runtime error: integer divide by zero") : ToInt64(a[0]) % ToInt64(a[1]));
        add("max", 1, Many, (_, a) => a.Max(ToInt64));
        add("biggest", 1, Many, (_, a) => a.Max(ToInt64));
        add("min", 1, Many, (_, a) => a.Min(ToInt64));
        add("addf", 0, Many, (_, a) => (double)a.Sum(v => (decimal)ToFloat64(v)));
        add("add1f", 1, 1, (_, a) => ToFloat64(a[0]) + 1);
        add("subf", 1, Many, (_, a) => (double)a.Skip(1).Aggregate((decimal)ToFloat64(a[0]), (r, v) => r - (decimal)ToFloat64(v)));
        add("mulf", 1, Many, (_, a) => (double)a.Aggregate(1m, (r, v) => r * (decimal)ToFloat64(v)));
        add("divf", 1, Many, (_, a) => a.Skip(1).Aggregate(ToFloat64(a[0]), (r, v) => r / ToFloat64(v)));
        add("maxf", 1, Many, (_, a) => a.Max(ToFloat64));
        add("minf", 1, Many, (_, a) => a.Min(ToFloat64));
        add("floor", 1, 1, (_, a) => Math.Floor(ToFloat64(a[0])));
        add("ceil", 1, 1, (_, a) => Math.Ceiling(ToFloat64(a[0])));
        add("round", 2, 3, (_, a) => Math.Round(ToFloat64(a[0]), (int)ToInt64(a[1]), MidpointRounding.AwayFromZero));
        add("int", 1, 1, (_, a) => ToInt64(a[0]));
        add("int64", 1, 1, (_, a) => ToInt64(a[0]));
        add("float64", 1, 1, (_, a) => ToFloat64(a[0]));
        add("atoi", 1, 1, (_, a) => long.TryParse(Str(a[0]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0L);
        add("toDecimal", 1, 1, (_, a) => { try { return Convert.ToInt64(ToText(a[0]), 8); } catch (FormatException) { return 0L; } });
    }
}
