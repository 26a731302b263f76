using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Sveltos.Engine.Templates.Go.Crypto;

/// <summary>The scrypt key derivation function (RFC 7914), which .NET does not provide; derivePassword needs it.</summary>
internal static class Scrypt
{
    public static byte[] DeriveKey(byte[] password, byte[] salt, int n, int r, int p, int length)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException("scrypt: N must be a power of two greater than 1", nameof(n));
        }

        var blockBytes = 128 * r;
        var blocks = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * blockBytes);
        var words = new uint[32 * r];
        var scratch = new uint[32 * r];
        var table = new uint[32 * r * n];
        for (var i = 0; i < p; i++)
        {
            var block = blocks.AsSpan(i * blockBytes, blockBytes);
            for (var w = 0; w < words.Length; w++)
            {
                words[w] = BinaryPrimitives.ReadUInt32LittleEndian(block[(w * 4)..]);
            }

            RoMix(words, scratch, table, n, r);
            for (var w = 0; w < words.Length; w++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(block[(w * 4)..], words[w]);
            }
        }

        return Rfc2898DeriveBytes.Pbkdf2(password, blocks, 1, HashAlgorithmName.SHA256, length);
    }

    private static void RoMix(uint[] x, uint[] scratch, uint[] table, int n, int r)
    {
        var size = 32 * r;
        for (var i = 0; i < n; i++)
        {
            Array.Copy(x, 0, table, i * size, size);
            BlockMix(x, scratch, r);
        }

        for (var i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte block; n is a power of two, so the mask is the modulo.
            var j = (int)(x[size - 16] & (uint)(n - 1));
            for (var w = 0; w < size; w++)
            {
                x[w] ^= table[(j * size) + w];
            }

            BlockMix(x, scratch, r);
        }
    }

    /// <summary>Mixes 2r 64-byte blocks with Salsa20/8; even outputs go to the first half, odd ones to the second.</summary>
    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> x = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(x);
        for (var i = 0; i < 2 * r; i++)
        {
            for (var w = 0; w < 16; w++)
            {
                x[w] ^= b[(i * 16) + w];
            }

            Salsa208(x);
            var target = ((i % 2) * r + (i / 2)) * 16;
            x.CopyTo(y.AsSpan(target, 16));
        }

        Array.Copy(y, b, 32 * r);
    }

    private static void Salsa208(Span<uint> block)
    {
        Span<uint> x = stackalloc uint[16];
        block.CopyTo(x);
        for (var round = 0; round < 8; round += 2)
        {
            QuarterRound(x, 0, 4, 8, 12);
            QuarterRound(x, 5, 9, 13, 1);
            QuarterRound(x, 10, 14, 2, 6);
            QuarterRound(x, 15, 3, 7, 11);
            QuarterRound(x, 0, 1, 2, 3);
            QuarterRound(x, 5, 6, 7, 4);
            QuarterRound(x, 10, 11, 8, 9);
            QuarterRound(x, 15, 12, 13, 14);
        }

        for (var i = 0; i < 16; i++)
        {
            block[i] += x[i];
        }
    }

    private static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
    {
        x[b] ^= BitOperations.RotateLeft(x[a] + x[d], 7);
        x[c] ^= BitOperations.RotateLeft(x[b] + x[a], 9);
        x[d] ^= BitOperations.RotateLeft(x[c] + x[b], 13);
        x[a] ^= BitOperations.RotateLeft(x[d] + x[c], 18);
    }
}
