using System.Text.RegularExpressions;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// go-yaml v2's resolver, for the encoder's one question: may this string be written unquoted, reading back as the same string?
/// YAML 1.1 booleans (yes/no/on/off/y/n), nulls, numbers in Go's literal syntax (0x, 0o, 0b, underscores),
/// floats, timestamps and base-60 numbers (1:20) would not, so the encoder quotes them.
/// </summary>
internal static partial class GoYamlResolver
{
    /// <summary>
    /// The reader's YAML 1.1 typing, plus what go-yaml's resolver also takes for a non-string: timestamps, and Go
    /// integer literals the reader's typing leaves out (0X1F, integers beyond 64 bits, which go-yaml reads as big integers).
    /// </summary>
    public static bool CanBePlain(string text) =>
        PlainScalarResolver.IsPlainString(text) && !IsBase60Float(text)
        && (text.Length == 0 || !(text[0] is '+' or '-' || char.IsAsciiDigit(text[0]))
            || (!IsTimestamp(text) && !GoInteger().IsMatch(text.Replace("_", "", StringComparison.Ordinal))));

    /// <summary>Base-60 floats were dropped from YAML 1.2 and are not read as numbers, but they are quoted for other readers.</summary>
    private static bool IsBase60Float(string text) =>
        text.Length > 0 && (text[0] is '+' or '-' || char.IsAsciiDigit(text[0])) && text.Contains(':', StringComparison.Ordinal) && Base60().IsMatch(text);

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

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Base60();

    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoInteger();

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})((?<sep>[Tt ])(?<hour>[0-9]{1,2}):(?<minute>[0-9]{1,2}):(?<second>[0-9]{1,2})(\.[0-9]+)?(?<zone>Z|[-+](?<zh>[0-9]{2}):(?<zm>[0-9]{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
