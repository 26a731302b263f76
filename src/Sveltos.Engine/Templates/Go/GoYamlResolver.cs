using System.Text.RegularExpressions;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// go-yaml v2's resolver, for the encoder's one question: would this text, written unquoted, read back as a string?
/// YAML 1.1 booleans (yes/no/on/off/y/n), nulls, numbers in Go's literal syntax (0x, 0o, 0b, underscores),
/// floats, timestamps and base-60 numbers (1:20) would not, so the encoder quotes them.
/// </summary>
internal static partial class GoYamlResolver
{
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
        "", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    };

    public static bool ReadsAsString(string text)
    {
        var hint = text.Length == 0 ? 'N' : Hint(text[0]);
        if (hint == '\0')
        {
            return true;
        }

        if (Special.Contains(text))
        {
            return false;
        }

        return hint switch
        {
            'M' => true,
            '.' => !IsGoFloat(text),
            _ => !IsTimestamp(text) && !IsGoInteger(text.Replace("_", "", StringComparison.Ordinal)) && !YamlFloat().IsMatch(text.Replace("_", "", StringComparison.Ordinal)),
        };
    }

    /// <summary>Base-60 floats were dropped from YAML 1.2 and are not read as numbers, but they are quoted for other readers.</summary>
    public static bool IsBase60Float(string text) =>
        text.Length > 0 && (text[0] is '+' or '-' || char.IsAsciiDigit(text[0])) && text.Contains(':', StringComparison.Ordinal) && Base60().IsMatch(text);

    private static char Hint(char first) => first switch
    {
        '+' or '-' => 'S',
        >= '0' and <= '9' => 'D',
        'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
        '.' => '.',
        _ => '\0',
    };

    /// <summary>strconv.ParseInt/ParseUint with base 0, of any size (go-yaml reads the ones too big for 64 bits as big integers).</summary>
    private static bool IsGoInteger(string text) => GoInteger().IsMatch(text);

    /// <summary>strconv.ParseFloat's decimal syntax (the only one a text starting with '.' can have), underscores between digits.</summary>
    private static bool IsGoFloat(string text) => GoFloat().IsMatch(text);

    /// <summary>The formats go-yaml tries with time.Parse: a date, optionally with a time (T, t or space) and zone.</summary>
    private static bool IsTimestamp(string text)
    {
        var match = Timestamp().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Number(string group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        var (year, month, day) = (Number("year"), Number("month"), Number("day"));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
        {
            return false;
        }

        if (!match.Groups["hour"].Success)
        {
            return true;
        }

        var zoned = match.Groups["zone"].Success;
        var separator = match.Groups["sep"].Value;
        return (separator == " ") != zoned && Number("hour") < 24 && Number("minute") < 60 && Number("second") < 60
            && (!match.Groups["zh"].Success || (Number("zh") < 24 && Number("zm") < 60));
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Base60();

    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoInteger();

    [GeneratedRegex(@"^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GoFloat();

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})((?<sep>[Tt ])(?<hour>[0-9]{1,2}):(?<minute>[0-9]{1,2}):(?<second>[0-9]{1,2})(\.[0-9]+)?(?<zone>Z|[-+](?<zh>[0-9]{2}):(?<zm>[0-9]{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
