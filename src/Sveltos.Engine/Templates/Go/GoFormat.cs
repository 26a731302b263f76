using System.Globalization;
using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>Go's fmt: Sprint, Sprintln and Sprintf with the verbs templates use (%v %s %d %q %t %f %e %g %x %X %o %b %c %U).</summary>
internal static class GoFormat
{
    /// <summary>fmt.Sprint: spaces between operands when neither is a string.</summary>
    public static string Sprint(object?[] args)
    {
        var text = new StringBuilder();
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string)
            {
                text.Append(' ');
            }

            GoValues.AppendValue(text, args[i], 0);
        }

        return text.ToString();
    }

    public static string Sprintln(object?[] args) => string.Join(' ', args.Select(GoValues.Sprint)) + "\n";

    public static string Sprintf(string format, object?[] args)
    {
        var text = new StringBuilder();
        var next = 0;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i++];
            if (c != '%')
            {
                text.Append(c);
                continue;
            }

            if (i >= format.Length)
            {
                text.Append("%!(NOVERB)");
                break;
            }

            var (minus, plus, sharp, zero, space) = (false, false, false, false, false);
            for (; i < format.Length; i++)
            {
                switch (format[i])
                {
                    case '-': minus = true; continue;
                    case '+': plus = true; continue;
                    case '#': sharp = true; continue;
                    case '0': zero = true; continue;
                    case ' ': space = true; continue;
                }

                break;
            }

            int? width = ReadNumber(format, ref i, args, ref next);
            int? precision = null;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = ReadNumber(format, ref i, args, ref next) ?? 0;
            }

            if (i >= format.Length)
            {
                text.Append("%!(NOVERB)");
                break;
            }

            var verb = format[i++];
            if (verb == '%')
            {
                text.Append('%');
                continue;
            }

            if (next >= args.Length)
            {
                text.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }

            var spec = new Spec(minus, plus, sharp, zero && !minus, space, width, precision);
            text.Append(Pad(FormatOne(verb, spec, args[next++]), spec, args[next - 1] is long or double));
        }

        if (next < args.Length)
        {
            text.Append("%!(EXTRA ");
            text.Append(string.Join(", ", args.Skip(next).Select(a => a is null ? "<nil>" : $"{GoValues.TypeName(a)}={GoValues.Sprint(a)}")));
            text.Append(')');
        }

        return text.ToString();
    }

    private readonly record struct Spec(bool Minus, bool Plus, bool Sharp, bool Zero, bool Space, int? Width, int? Precision);

    private static int? ReadNumber(string format, ref int i, object?[] args, ref int next)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            return next < args.Length && args[next] is long l ? (int)l + (0 * next++) : null;
        }

        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        return i > start ? int.Parse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture) : null;
    }

    private static string Pad(string text, Spec spec, bool numeric)
    {
        if (spec.Width is not { } width || text.Length >= width)
        {
            return text;
        }

        if (spec.Minus)
        {
            return text.PadRight(width);
        }

        if (spec.Zero && numeric && !text.StartsWith("%!", StringComparison.Ordinal))
        {
            var sign = text.Length > 0 && text[0] is '-' or '+' ? text[..1] : "";
            return sign + text[sign.Length..].PadLeft(width - sign.Length, '0');
        }

        return text.PadLeft(width);
    }

    private static string Bad(char verb, object? value) =>
        value is null ? $"%!{verb}(<nil>)" : $"%!{verb}({GoValues.TypeName(value)}={GoValues.Sprint(value)})";

    private static string FormatOne(char verb, Spec spec, object? value)
    {
        if (verb == 'T')
        {
            return GoValues.TypeName(value);
        }

        if (value is List<object?> list && verb != 'v' && verb != 's' || value is List<object?> && verb == 's')
        {
            var items = (List<object?>)value;
            return "[" + string.Join(' ', items.Select(item => FormatOne(verb, spec with { Width = null }, item))) + "]";
        }

        switch (verb)
        {
            case 'v':
                return value switch
                {
                    double d => Sign(GoValues.FormatFloat(d), d >= 0, spec),
                    long l => Sign(l.ToString(CultureInfo.InvariantCulture), l >= 0, spec),
                    string s when spec.Sharp => Quote(s),
                    null => "<nil>",
                    _ => GoValues.Sprint(value),
                };
            case 's':
                return value switch
                {
                    string s => spec.Precision is { } p && p < s.Length ? s[..p] : s,
                    Dictionary<string, object?> => GoValues.Sprint(value),
                    _ => Bad(verb, value),
                };
            case 'q':
                return value switch
                {
                    string s when spec.Sharp && !s.Contains('`') => "`" + s + "`",
                    string s => Quote(s),
                    long l => "'" + Escape(char.ConvertFromUtf32((int)l), '\'') + "'",
                    _ => Bad(verb, value),
                };
            case 't':
                return value is bool b ? (b ? "true" : "false") : Bad(verb, value);
            case 'd':
                return value is long integer ? Sign(integer.ToString(CultureInfo.InvariantCulture), integer >= 0, spec) : Bad(verb, value);
            case 'c':
                return value is long c ? char.ConvertFromUtf32((int)c) : Bad(verb, value);
            case 'U':
                return value is long u ? $"U+{u:X4}" : Bad(verb, value);
            case 'o' or 'O' or 'b':
                if (value is not long n)
                {
                    return Bad(verb, value);
                }

                var radix = verb == 'b' ? 2 : 8;
                var digits = Convert.ToString(Math.Abs(n), radix);
                var prefix = verb == 'O' ? "0o" : spec.Sharp && verb == 'o' ? "0" : "";
                return (n < 0 ? "-" : "") + prefix + digits;
            case 'x' or 'X':
                var hex = value switch
                {
                    long h => (h < 0 ? "-" : "") + (spec.Sharp ? "0x" : "") + Math.Abs(h).ToString("x", CultureInfo.InvariantCulture),
                    string s => Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant(),
                    _ => null,
                };
                return hex is null ? Bad(verb, value) : verb == 'X' ? hex.ToUpperInvariant() : hex;
            case 'f' or 'F' or 'e' or 'E' or 'g' or 'G':
                if (value is not double f)
                {
                    return Bad(verb, value);
                }

                return Sign(FormatFloat(f, char.ToLowerInvariant(verb), spec.Precision, verb is 'E' or 'G'), f >= 0 || double.IsNaN(f), spec);
            default:
                return $"%!{verb}({GoValues.TypeName(value)}={GoValues.Sprint(value)})";
        }
    }

    private static string Sign(string text, bool positive, Spec spec) =>
        positive && spec.Plus ? "+" + text : positive && spec.Space ? " " + text : text;

    private static string FormatFloat(double value, char verb, int? precision, bool upper)
    {
        if (!double.IsFinite(value))
        {
            return GoValues.FormatFloat(value);
        }

        string text;
        switch (verb)
        {
            case 'f':
                text = value.ToString("F" + (precision ?? 6), CultureInfo.InvariantCulture);
                break;
            case 'e':
                text = ExponentForm(value.ToString((upper ? "E" : "e") + (precision ?? 6), CultureInfo.InvariantCulture));
                break;
            default:
                if (precision is null)
                {
                    text = GoValues.FormatFloat(value);
                }
                else
                {
                    var p = Math.Max(precision.Value, 1);
                    var exponent = value == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(double.Parse(value.ToString("E" + (p - 1), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))));
                    text = exponent < -4 || exponent >= p
                        ? ExponentForm(TrimZeros(value.ToString("e" + (p - 1), CultureInfo.InvariantCulture)))
                        : TrimZeros(value.ToString("F" + Math.Max(0, p - 1 - exponent), CultureInfo.InvariantCulture));
                }

                break;
        }

        return upper ? text.ToUpperInvariant() : text;
    }

    private static string TrimZeros(string text)
    {
        var e = text.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? text : text[..e];
        if (mantissa.Contains('.'))
        {
            mantissa = mantissa.TrimEnd('0').TrimEnd('.');
        }

        return e < 0 ? mantissa : mantissa + text[e..];
    }

    /// <summary>.NET writes e+006; Go writes e+06.</summary>
    private static string ExponentForm(string text)
    {
        var e = text.IndexOfAny(['e', 'E']);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return $"{text[..(e + 1)]}{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    /// <summary>strconv.Quote.</summary>
    public static string Quote(string value) => "\"" + Escape(value, '"') + "\"";

    private static string Escape(string value, char quote)
    {
        var text = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '\a': text.Append("\\a"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\v': text.Append("\\v"); break;
                case '\\': text.Append("\\\\"); break;
                default:
                    if (rune.Value == quote)
                    {
                        text.Append('\\').Append(quote);
                    }
                    else if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        text.Append($"\\x{rune.Value:x2}");
                    }
                    else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
                    {
                        text.Append(rune.Value > 0xFFFF ? $"\\U{rune.Value:x8}" : $"\\u{rune.Value:x4}");
                    }
                    else
                    {
                        text.Append(rune.ToString());
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
