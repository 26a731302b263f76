using System.Globalization;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Yaml;

/// <summary>
/// Gives a plain (unquoted) scalar its type the way kubectl and the Sveltos controllers read YAML
/// (sigs.k8s.io/yaml over go-yaml v2, i.e. YAML 1.1 rules): <c>yes</c>/<c>on</c> are booleans,
/// <c>0x1F</c> and <c>1_000</c> are integers, <c>1.0</c> is a number. Using the same rules keeps
/// "is this a string?" answers identical to what the cluster will see.
/// </summary>
internal static partial class PlainScalarResolver
{
    private static readonly HashSet<string> Nulls = ["", "~", "null", "Null", "NULL"];
    private static readonly HashSet<string> Trues = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
    private static readonly HashSet<string> Falses = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];
    private static readonly HashSet<string> Specials = [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"];

    /// <summary>null, bool, long, double or the text itself.</summary>
    public static object? Resolve(string text)
    {
        if (Nulls.Contains(text))
        {
            return null;
        }

        if (Trues.Contains(text))
        {
            return true;
        }

        if (Falses.Contains(text))
        {
            return false;
        }

        if (text.Length == 0 || !"+-.0123456789".Contains(text[0]))
        {
            return text;
        }

        if (Specials.Contains(text))
        {
            return text.EndsWith("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN
                : text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        var compact = text.Replace("_", "", StringComparison.Ordinal);
        if (TryParseInteger(compact, out var integer))
        {
            return integer;
        }

        return YamlFloat().IsMatch(compact)
            ? double.Parse(compact, NumberStyles.Float, CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>True when this text, written without quotes, would still read back as the same string.</summary>
    public static bool IsPlainString(string text) => Resolve(text) is string;

    private static bool TryParseInteger(string text, out object value)
    {
        value = 0L;
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        if (body.Length == 0 || text.Length - body.Length > 1)
        {
            return false;
        }

        var (digits, radix) = body switch
        {
            _ when body.StartsWith("0x", StringComparison.Ordinal) => (body[2..], 16),
            _ when body.StartsWith("0o", StringComparison.Ordinal) => (body[2..], 8),
            _ when body.StartsWith("0b", StringComparison.Ordinal) => (body[2..], 2),
            _ when body.Length > 1 && body[0] == '0' => (body[1..], 8),
            _ => (body, 10),
        };
        if (digits.Length == 0 || !digits.All(c => IsDigit(c, radix)))
        {
            return false;
        }

        try
        {
            var magnitude = radix == 10
                ? ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
                : Convert.ToUInt64(digits, radix);
            value = negative switch
            {
                false when magnitude <= long.MaxValue => (object)(long)magnitude,
                true when magnitude <= (ulong)long.MaxValue => -(long)magnitude,
                true when magnitude == (ulong)long.MaxValue + 1 => long.MinValue,
                _ => negative ? -(double)magnitude : (double)magnitude,
            };
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool IsDigit(char c, int radix) => radix switch
    {
        16 => char.IsAsciiHexDigit(c),
        10 => char.IsAsciiDigit(c),
        8 => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();
}
