using System.Globalization;
using System.Numerics;

namespace Sveltos.Engine.Templates.Go;

/// <summary>An integer constant that fits Go's uint64 but not int: Go parses it and fails only when it is evaluated.</summary>
internal sealed record OverflowingConstant(string Text);

/// <summary>
/// Go's number constants in templates: what text/template's lexer takes as one number (scanNumber) and what its parser
/// makes of it (newNumber, then exec's idealConstant): integers in decimal, 0x, 0o, 0b and leading-0 octal, floats in
/// decimal and hexadecimal (0x1.8p1), <c>_</c> between digits. A constant is a float64 only when its text has
/// <c>.</c>, an exponent or <c>p</c> (not a hex integer such as 0x1e3); otherwise an int.
/// </summary>
internal static class GoNumberLiteral
{
    private const string Decimal = "0123456789_";
    private const string Hex = "0123456789abcdefABCDEF_";

    /// <summary>
    /// The end of the number starting at <paramref name="start"/>, and whether it is a complex constant (<c>1+2i</c>);
    /// throws Go's lexer error when a letter or digit follows it.
    /// </summary>
    public static int Scan(string text, int start, out bool complex)
    {
        var end = ScanOne(text, start, start);
        complex = end < text.Length && text[end] is '+' or '-';
        if (!complex)
        {
            return end;
        }

        end = ScanOne(text, end, start);
        if (text[end - 1] != 'i')
        {
            throw new GoParseException($"bad number syntax: \"{text[start..end]}\"", start);
        }

        return end;
    }

    private static int ScanOne(string text, int from, int start)
    {
        var pos = from;
        bool Accept(string valid)
        {
            if (pos < text.Length && valid.Contains(text[pos], StringComparison.Ordinal))
            {
                pos++;
                return true;
            }

            return false;
        }

        void AcceptRun(string valid)
        {
            while (Accept(valid))
            {
            }
        }

        Accept("+-");
        var digits = Decimal;
        if (Accept("0"))
        {
            digits = Accept("xX") ? Hex : Accept("oO") ? "01234567_" : Accept("bB") ? "01_" : Decimal;
        }

        AcceptRun(digits);
        if (Accept("."))
        {
            AcceptRun(digits);
        }

        if ((ReferenceEquals(digits, Decimal) && Accept("eE")) || (ReferenceEquals(digits, Hex) && Accept("pP")))
        {
            Accept("+-");
            AcceptRun(Decimal);
        }

        Accept("i");
        if (pos < text.Length && (text[pos] == '_' || char.IsLetterOrDigit(text[pos])))
        {
            throw new GoParseException($"bad number syntax: \"{text[start..(pos + 1)]}\"", start);
        }

        return pos;
    }

    /// <summary>
    /// The value of a scanned number: a long, a double, or an <see cref="OverflowingConstant"/>. Go's complex constants
    /// (<c>1i</c>, <c>1+2i</c>) have no place in the value model (values files never hold them), so they fail to parse.
    /// </summary>
    public static object Parse(string text, int position, bool complex)
    {
        if (complex || (text.EndsWith('i') && TryParseFloat(text[..^1], out _)))
        {
            throw new GoParseException($"complex number constants are not supported: \"{text}\"", position);
        }

        if (TryParseInteger(text, out var integer, out var unsignedOnly))
        {
            return unsignedOnly ? new OverflowingConstant(text) : integer;
        }

        if (!TryParseFloat(text, out var value))
        {
            throw new GoParseException($"illegal number syntax: \"{text}\"", position);
        }

        if (text.AsSpan().IndexOfAny(".eEpP") < 0)
        {
            throw new GoParseException($"integer overflow: \"{text}\"", position);
        }

        return value;
    }

    private static bool IsHexPrefixed(string unsigned) => unsigned.Length > 1 && unsigned[0] == '0' && unsigned[1] is 'x' or 'X';

    /// <summary>strconv.ParseInt(text, 0, 64), falling back to ParseUint: <paramref name="unsignedOnly"/> when only uint64 holds it.</summary>
    private static bool TryParseInteger(string text, out long value, out bool unsignedOnly)
    {
        value = 0;
        unsignedOnly = false;
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        if (body.Length == 0 || text.Length - body.Length > 1 || !UnderscoresOk(body))
        {
            return false;
        }

        var (radix, digits) = body.Length >= 3 && body[0] == '0' && char.ToLowerInvariant(body[1]) is 'x' or 'o' or 'b'
            ? (char.ToLowerInvariant(body[1]) switch { 'x' => 16, 'o' => 8, _ => 2 }, body[2..])
            : body.Length > 1 && body[0] == '0' ? (8, body[1..]) : (10, body);
        ulong magnitude = 0;
        foreach (var c in digits)
        {
            if (c == '_')
            {
                continue;
            }

            var digit = HexDigit(c);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            var next = unchecked((magnitude * (ulong)radix) + (ulong)digit);
            if (magnitude > ulong.MaxValue / (ulong)radix || next < magnitude * (ulong)radix)
            {
                return false;
            }

            magnitude = next;
        }

        if (negative)
        {
            if (magnitude > 1UL << 63)
            {
                return false;
            }

            value = unchecked(-(long)magnitude);
            return true;
        }

        unsignedOnly = magnitude > long.MaxValue;
        value = unsignedOnly ? 0 : (long)magnitude;
        return true;
    }

    /// <summary>strconv.ParseFloat(text, 64): decimal or hexadecimal (mantissa and a required p exponent); out of range fails.</summary>
    private static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        if (body.Length == 0 || text.Length - body.Length > 1 || !UnderscoresOk(body))
        {
            return false;
        }

        body = body.Replace("_", "", StringComparison.Ordinal);
        if (IsHexPrefixed(body))
        {
            if (!TryParseHexFloat(body[2..], out value))
            {
                return false;
            }
        }
        else if (body.Any(c => c is not ((>= '0' and <= '9') or '.' or 'e' or 'E' or '+' or '-'))
            || !body.Any(char.IsAsciiDigit)
            || !double.TryParse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return double.IsFinite(value);
    }

    private static bool TryParseHexFloat(string body, out double value)
    {
        value = 0;
        var p = body.IndexOfAny(['p', 'P']);
        if (p < 0 || !int.TryParse(body.AsSpan(p + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            return false;
        }

        var mantissa = BigInteger.Zero;
        var fraction = 0;
        var seenPoint = false;
        var seenDigit = false;
        foreach (var c in body[..p])
        {
            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            var digit = HexDigit(c);
            if (digit < 0)
            {
                return false;
            }

            seenDigit = true;
            mantissa = (mantissa * 16) + digit;
            fraction += seenPoint ? 4 : 0;
        }

        value = Math.ScaleB((double)mantissa, exponent - fraction);
        return seenDigit;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>strconv's underscoreOK: an underscore only between digits, or between a base prefix and a digit.</summary>
    private static bool UnderscoresOk(string body)
    {
        var saw = '^';
        var i = 0;
        var hex = false;
        if (body.Length >= 2 && body[0] == '0' && char.ToLowerInvariant(body[1]) is 'b' or 'o' or 'x')
        {
            hex = char.ToLowerInvariant(body[1]) == 'x';
            i = 2;
            saw = '0';
        }

        for (; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsAsciiDigit(c) || (hex && HexDigit(c) >= 0))
            {
                saw = '0';
                continue;
            }

            if (c == '_')
            {
                if (saw != '0')
                {
                    return false;
                }

                saw = '_';
                continue;
            }

            if (saw == '_')
            {
                return false;
            }

            saw = '!';
        }

        return saw != '_';
    }
}
