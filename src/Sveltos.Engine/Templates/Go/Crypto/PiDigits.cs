using System.Numerics;

namespace Sveltos.Engine.Templates.Go.Crypto;

/// <summary>
/// The hexadecimal digits of pi's fractional part, which Blowfish takes as its initial P-array and S-boxes. Computed
/// (Machin's formula) rather than written out as a table of a thousand constants.
/// </summary>
internal static class PiDigits
{
    /// <summary>The first <paramref name="count"/> 32-bit words of pi's fraction: 0x243F6A88, 0x85A308D3, ...</summary>
    public static uint[] FractionWords(int count)
    {
        const int guard = 64;
        var bits = (count * 32) + guard;
        var pi = (16 * ArctanOfInverse(5, bits)) - (4 * ArctanOfInverse(239, bits));
        var fraction = (pi - (new BigInteger(3) << bits)) >> guard;
        var bytes = fraction.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[count * 4];
        bytes.CopyTo(padded, padded.Length - bytes.Length);
        var words = new uint[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(i * 4));
        }

        return words;
    }

    /// <summary>atan(1/x) in fixed point with <paramref name="bits"/> fraction bits (the Taylor series).</summary>
    private static BigInteger ArctanOfInverse(int x, int bits)
    {
        var power = (BigInteger.One << bits) / x;
        var square = x * x;
        var sum = power;
        var negative = true;
        for (var n = 3; !power.IsZero; n += 2)
        {
            power /= square;
            var term = power / n;
            sum = negative ? sum - term : sum + term;
            negative = !negative;
        }

        return sum;
    }
}
