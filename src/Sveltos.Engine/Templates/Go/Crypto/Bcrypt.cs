using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sveltos.Engine.Templates.Go.Crypto;

/// <summary>
/// bcrypt (Provos and Mazières): the expensive Blowfish key schedule (EksBlowfishSetup) over the password and a 16-byte
/// salt, then "OrpheanBeholderScryDoubt" encrypted 64 times, written as <c>$2a$COST$SALT(22)HASH(31)</c> like Go's
/// golang.org/x/crypto/bcrypt.
/// </summary>
internal static class Bcrypt
{
    public const int MaxPasswordBytes = 72;

    private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string StandardAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static readonly Lazy<uint[]> InitialState = new(() => PiDigits.FractionWords(18 + (4 * 256)));

    public static string Hash(byte[] password, int cost) => Hash(password, cost, RandomNumberGenerator.GetBytes(16));

    public static string Hash(byte[] password, int cost, byte[] salt)
    {
        if (cost is < 4 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), "bcrypt costs are 4 to 31");
        }

        // The C implementation hashes the terminating NUL too; Go and every $2a$ implementation keep that.
        var key = new byte[password.Length + 1];
        password.CopyTo(key, 0);
        var state = new Blowfish(InitialState.Value);
        state.ExpandKey(key, salt);
        for (long i = 0; i < 1L << cost; i++)
        {
            state.ExpandKey(key, null);
            state.ExpandKey(salt, null);
        }

        var text = Encoding.ASCII.GetBytes("OrpheanBeholderScryDoubt");
        for (var block = 0; block < text.Length; block += 8)
        {
            var l = BinaryPrimitives.ReadUInt32BigEndian(text.AsSpan(block));
            var r = BinaryPrimitives.ReadUInt32BigEndian(text.AsSpan(block + 4));
            for (var i = 0; i < 64; i++)
            {
                (l, r) = state.Encrypt(l, r);
            }

            BinaryPrimitives.WriteUInt32BigEndian(text.AsSpan(block), l);
            BinaryPrimitives.WriteUInt32BigEndian(text.AsSpan(block + 4), r);
        }

        // Only 23 of the 24 bytes are written, as the original implementation does.
        return $"$2a${cost:00}${Encode(salt)}{Encode(text[..23])}";
    }

    /// <summary>The 16-byte salt of a hash or of a salt string (<c>$2a$06$DCq7YPn5Rq63x1Lad4cll.</c>).</summary>
    public static (int Cost, byte[] Salt) ReadSalt(string hash)
    {
        var parts = hash.Split('$');
        if (parts.Length < 4 || parts[3].Length < 22)
        {
            throw new FormatException("not a bcrypt hash: " + hash);
        }

        return (int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), Decode(parts[3][..22]));
    }

    private static string Encode(byte[] data)
    {
        var standard = Convert.ToBase64String(data).TrimEnd('=');
        return string.Concat(standard.Select(c => Alphabet[StandardAlphabet.IndexOf(c, StringComparison.Ordinal)]));
    }

    private static byte[] Decode(string text)
    {
        var standard = string.Concat(text.Select(c => StandardAlphabet[Alphabet.IndexOf(c, StringComparison.Ordinal)]));
        return Convert.FromBase64String(standard.PadRight((standard.Length + 3) / 4 * 4, '='))[..16];
    }

    private sealed class Blowfish
    {
        private readonly uint[] _p = new uint[18];
        private readonly uint[][] _s = [new uint[256], new uint[256], new uint[256], new uint[256]];

        public Blowfish(uint[] pi)
        {
            Array.Copy(pi, _p, 18);
            for (var box = 0; box < 4; box++)
            {
                Array.Copy(pi, 18 + (box * 256), _s[box], 0, 256);
            }
        }

        /// <summary>Blowfish's key schedule, with the salt mixed into every block when there is one (bcrypt's variant).</summary>
        public void ExpandKey(byte[] key, byte[]? salt)
        {
            var k = 0;
            for (var i = 0; i < 18; i++)
            {
                _p[i] ^= NextWord(key, ref k);
            }

            uint l = 0, r = 0;
            var s = 0;
            void Fill(uint[] target)
            {
                for (var i = 0; i < target.Length; i += 2)
                {
                    if (salt is not null)
                    {
                        l ^= NextWord(salt, ref s);
                        r ^= NextWord(salt, ref s);
                    }

                    (l, r) = Encrypt(l, r);
                    target[i] = l;
                    target[i + 1] = r;
                }
            }

            Fill(_p);
            foreach (var box in _s)
            {
                Fill(box);
            }
        }

        public (uint L, uint R) Encrypt(uint l, uint r)
        {
            for (var i = 0; i < 16; i += 2)
            {
                l ^= _p[i];
                r ^= F(l) ^ _p[i + 1];
                l ^= F(r);
            }

            l ^= _p[16];
            r ^= _p[17];
            return (r, l);
        }

        private uint F(uint x) => ((_s[0][x >> 24] + _s[1][(x >> 16) & 0xFF]) ^ _s[2][(x >> 8) & 0xFF]) + _s[3][x & 0xFF];

        private static uint NextWord(byte[] data, ref int position)
        {
            uint word = 0;
            for (var i = 0; i < 4; i++)
            {
                word = (word << 8) | data[position];
                position = (position + 1) % data.Length;
            }

            return word;
        }
    }
}
