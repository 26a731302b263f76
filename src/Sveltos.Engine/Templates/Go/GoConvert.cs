using System.Globalization;

namespace Sveltos.Engine.Templates.Go;

/// <summary>Argument conversions: Go's strict ones for typed parameters, and Sprig's lenient ones (cast.ToInt64, strval).</summary>
internal static class GoConvert
{
    /// <summary>A string parameter: Go refuses nil and other types.</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        _ => throw new GoArgumentException("string", value),
    };

    /// <summary>An int parameter.</summary>
    public static int Int(object? value) => value switch
    {
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        long => throw new GoFunctionException("value out of range"),
        _ => throw new GoArgumentException("int", value),
    };

    /// <summary>A list parameter (Sprig's []interface{}); the error names the value's kind, as Sprig's reflection does.</summary>
    public static List<object?> List(object? value, string function) => value switch
    {
        List<object?> list => list,
        null => [],
        _ => throw new GoFunctionException(NotAList(function, GoValues.KindName(value))),
    };

    private static string NotAList(string function, string kind) => function switch
    {
        "push" or "prepend" or "compact" => $"Cannot {function} on type {kind}",
        "chunk" => $"Cannot chunk type {kind}",
        "concat" => $"Cannot concat type {kind} as list",
        _ => $"Cannot find {function} on type {kind}",
    };

    public static Dictionary<string, object?> Map(object? value) => value switch
    {
        Dictionary<string, object?> map => map,
        _ => throw new GoArgumentException("map[string]interface {}", value),
    };

    /// <summary>Sprig's strval: strings as they are, everything else as fmt's %v prints it.</summary>
    public static string ToText(object? value) => value switch
    {
        string s => s,
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        _ => GoValues.Sprint(value),
    };

    /// <summary>cast.ToInt64: numbers truncated, strings parsed (0 when they are not numbers), booleans 1/0, nil 0.</summary>
    public static long ToInt64(object? value) => value switch
    {
        long l => l,
        double d => double.IsFinite(d) ? (long)d : 0,
        bool b => b ? 1 : 0,
        string s => ParseInteger(s) ?? (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && s.Trim().Length > 0 ? 0 : 0),
        _ => 0,
    };

    public static double ToFloat64(object? value) => value switch
    {
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : 0,
        _ => 0,
    };

    private static long? ParseInteger(string text)
    {
        var s = text.Replace("_", "", StringComparison.Ordinal);
        var negative = s.StartsWith('-');
        var body = s.TrimStart('+', '-');
        try
        {
            long magnitude = body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(body[2..], 16)
                : body.StartsWith("0b", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(body[2..], 2)
                : body.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(body[2..], 8)
                : body.Length > 1 && body[0] == '0' && body.All(char.IsAsciiDigit) ? Convert.ToInt64(body[1..], 8)
                : long.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture);
            return negative ? -magnitude : magnitude;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Sprig's empty: nil, false, 0, "" and empty lists and maps.</summary>
    public static bool IsEmpty(object? value) => !GoValues.IsTrue(value);

    public static object? DeepCopy(object? value) => value switch
    {
        Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => DeepCopy(p.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(DeepCopy).ToList(),
        _ => value,
    };

    public static bool DeepEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (Dictionary<string, object?> x, Dictionary<string, object?> y) => x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && DeepEqual(p.Value, v)),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => DeepEqual(p.First, p.Second)),
        _ => Equals(a, b),
    };
}
