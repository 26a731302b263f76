using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// The function table, built once and only read: Go's builtins, Sprig's functions (all but env/expandenv), the
/// Sveltos functions and Helm's include/tpl/required. Template-defined functions do not exist in Go templates, so
/// the table is the same for every template.
/// </summary>
internal static partial class GoFunctions
{
    private static readonly Dictionary<string, GoFunction> Table = Build();

    public static IReadOnlyCollection<string> Names => Table.Keys;

    public static bool IsDefined(string name) => Table.ContainsKey(name);

    /// <summary>Why a Sprig function is left out (env and expandenv), or null.</summary>
    public static string? Withheld(string name) =>
        name is "env" or "expandenv" ? "templates cannot read environment variables" : null;

    public static GoFunction? Get(string name) => Table.GetValueOrDefault(name);

    private static Dictionary<string, GoFunction> Build()
    {
        var table = new Dictionary<string, GoFunction>(StringComparer.Ordinal);
        void Add(string name, int min, int max, Func<GoExecution, object?[], object?> body) => table[name] = new GoFunction(name, min, max, body);
        AddBuiltins(Add);
        AddSprigStrings(Add);
        AddSprigLists(Add);
        AddSprigMath(Add);
        AddSprigOther(Add);
        AddSprigCrypto(Add);
        AddSprigPaths(Add);
        AddSveltos(Add);
        AddHelm(Add);
        return table;
    }

    private delegate void Adder(string name, int min, int max, Func<GoExecution, object?[], object?> body);

    private const int Many = GoFunction.Variadic;

    /// <summary>The name of a function's must* variant: regexFind → mustRegexFind.</summary>
    private static string Must(string name) => "must" + char.ToUpperInvariant(name[0]) + name[1..];

    private static void AddBuiltins(Adder add)
    {
        add("and", 1, Many, (_, a) => a[^1]);
        add("or", 1, Many, (_, a) => a[^1]);
        add("not", 1, 1, (_, a) => !GoValues.IsTrue(a[0]));
        add("len", 1, 1, (_, a) => a[0] switch
        {
            string s => (long)Encoding.UTF8.GetByteCount(s),
            List<object?> l => (long)l.Count,
            Dictionary<string, object?> m => (long)m.Count,
            byte[] b => (long)b.Length,
            GoObject { MapEntries: { } entries } => (long)entries.Count,
            null => throw new GoFunctionException("len of nil pointer"),
            var v => throw new GoFunctionException($"len of type {GoValues.TypeName(v)}"),
        });
        add("index", 1, Many, (_, a) => Index(a[0], a[1..]));
        add("slice", 1, Many, Slice);
        add("print", 0, Many, (_, a) => GoFormat.Sprint(a));
        add("println", 0, Many, (_, a) => GoFormat.Sprintln(a));
        add("printf", 1, Many, (_, a) => GoFormat.Sprintf(GoConvert.Str(a[0]), a[1..]));
        add("eq", 1, Many, (_, a) => a.Length < 2 ? throw new GoFunctionException("missing argument for comparison") : a.Skip(1).Any(b => Equal(a[0], b)));
        add("ne", 2, 2, (_, a) => !Equal(a[0], a[1]));
        add("lt", 2, 2, (_, a) => Compare(a[0], a[1]) < 0);
        add("le", 2, 2, (_, a) => Compare(a[0], a[1]) <= 0);
        add("gt", 2, 2, (_, a) => Compare(a[0], a[1]) > 0);
        add("ge", 2, 2, (_, a) => Compare(a[0], a[1]) >= 0);
        add("html", 0, Many, (_, a) => HtmlEscape(EvalArgs(a)));
        add("js", 0, Many, (_, a) => JsEscape(EvalArgs(a)));
        add("urlquery", 0, Many, (_, a) => QueryEscape(EvalArgs(a)));
        add("call", 1, Many, (e, a) => a[0] switch
        {
            GoFunction f => f.Body(e, a[1..]),
            Delegate d => GoValues.Normalize(d.DynamicInvoke(a[1..])),
            null => throw new GoFunctionException("call of nil"),
            var v => throw new GoFunctionException($"non-function of type {GoValues.TypeName(v)}"),
        });
    }

    /// <summary>Go's evalArgs for html, js and urlquery: a nil argument prints as printableValue shows it, &lt;no value&gt;, not fmt's &lt;nil&gt;.</summary>
    private static string EvalArgs(object?[] args) =>
        args.Length == 1 && args[0] is string s ? s : GoFormat.Sprint(args.Select(a => a ?? GoValues.NoValue).ToArray());

    private static object? Index(object? item, object?[] indexes)
    {
        if (item is null)
        {
            throw new GoFunctionException("index of untyped nil");
        }

        foreach (var index in indexes)
        {
            item = item switch
            {
                List<object?> list => list[IndexArgument(index, list.Count, element: true)],
                Dictionary<string, object?> map => index is string key
                    ? map.GetValueOrDefault(key)
                    : index is null ? throw new GoFunctionException("value is nil; should be of type string") : throw new GoFunctionException($"value has type {GoValues.TypeName(index)}; should be string"),
                string s => (long)Encoding.UTF8.GetBytes(s)[IndexArgument(index, Encoding.UTF8.GetByteCount(s), element: true)],
                GoObject { MapEntries: { } entries } => index is string name
                    ? entries.FirstOrDefault(e => e.Key == name).Value
                    : throw new GoFunctionException($"value has type {GoValues.TypeName(index)}; should be string"),
                null => throw new GoFunctionException("index of untyped nil"),
                _ => throw new GoFunctionException($"can't index item of type {GoValues.TypeName(item)}"),
            };
        }

        return item;
    }

    /// <summary>Go's indexArg: an integer within 0..size (an element index also below size).</summary>
    private static int IndexArgument(object? index, int size, bool element)
    {
        var x = index switch
        {
            long l => l,
            null => throw new GoFunctionException("cannot index slice/array with nil"),
            _ => throw new GoFunctionException($"cannot index slice/array with type {GoValues.TypeName(index)}"),
        };
        return x < 0 || x > size || (element && x == size) ? throw new GoFunctionException($"index out of range: {x}") : (int)x;
    }

    /// <summary>
    /// Go's slice builtin: strings by bytes with up to two indexes, lists with up to three (a list's capacity is its
    /// length). Its indexes are not unwrapped from interface{} as index's are, so one read from a map field is refused.
    /// </summary>
    private static object? Slice(GoExecution execution, object?[] args)
    {
        var (item, indexes) = (args[0], args[1..]);
        if (item is null)
        {
            throw new GoFunctionException("slice of untyped nil");
        }

        if (indexes.Length > 3)
        {
            throw new GoFunctionException($"too many slice indexes: {indexes.Length}");
        }

        var bytes = item is string text ? Encoding.UTF8.GetBytes(text) : null;
        var length = item switch
        {
            string => bytes!.Length,
            List<object?> l => l.Count,
            _ => throw new GoFunctionException($"can't slice item of type {GoValues.TypeName(item)}"),
        };
        if (indexes.Length == 3 && bytes is not null)
        {
            throw new GoFunctionException("cannot 3-index slice a string");
        }

        var bounds = new[] { 0, length, length };
        for (var i = 0; i < indexes.Length; i++)
        {
            bounds[i] = execution.ArgumentWasInterface(i + 1)
                ? throw new GoFunctionException("cannot index slice/array with type interface {}")
                : IndexArgument(indexes[i], length, element: false);
        }

        if (bounds[0] > bounds[1] || bounds[1] > bounds[2])
        {
            var (low, high) = bounds[0] > bounds[1] ? (bounds[0], bounds[1]) : (bounds[1], bounds[2]);
            throw new GoFunctionException($"invalid slice index: {low} > {high}");
        }

        return bytes is not null ? Encoding.UTF8.GetString(bytes, bounds[0], bounds[1] - bounds[0]) : ((List<object?>)item).GetRange(bounds[0], bounds[1] - bounds[0]);
    }

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (long x, long y) => x == y,
        (double x, double y) => x == y,
        (string x, string y) => x == y,
        (bool x, bool y) => x == y,
        (List<object?> or Dictionary<string, object?>, _) or (_, List<object?> or Dictionary<string, object?>) => throw new GoFunctionException("non-comparable type"),
        _ => a.GetType() == b.GetType() ? Equals(a, b) : throw new GoFunctionException("incompatible types for comparison"),
    };

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        (null, _) or (_, null) => throw new GoFunctionException("invalid type for comparison"),
        (bool, _) or (_, bool) or (List<object?>, _) or (Dictionary<string, object?>, _) => throw new GoFunctionException("invalid type for comparison"),
        _ => throw new GoFunctionException("incompatible types for comparison"),
    };

    private static string HtmlEscape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\'' => "&#39;",
                '"' => "&#34;",
                '\0' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    private static string JsEscape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': result.Append(@"\\"); break;
                case '\'': result.Append(@"\'"); break;
                case '"': result.Append("\\\""); break;
                case '<': result.Append(@"\u003C"); break;
                case '>': result.Append(@"\u003E"); break;
                case '&': result.Append(@"\u0026"); break;
                case '=': result.Append(@"\u003D"); break;
                case < ' ': result.Append($"\\u{(int)c:X4}"); break;
                default: result.Append(c); break;
            }
        }

        return result.ToString();
    }

    private static string QueryEscape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                result.Append(c);
            }
            else if (c == ' ')
            {
                result.Append('+');
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
