using System.Security.Cryptography;
using System.Text;

namespace Sveltos.Engine.Templates.Go.Crypto;

/// <summary>
/// Sprig's encryptAES/decryptAES: AES-256-CBC with the password as the key (UTF-8, cut or zero-padded to 32 bytes),
/// PKCS#7 padding and a random IV in front of the ciphertext, all base64-encoded.
/// </summary>
internal static class SprigAes
{
    public static string Encrypt(string password, string plaintext)
    {
        if (plaintext.Length == 0)
        {
            return "";
        }

        using var aes = Create(password);
        var iv = RandomNumberGenerator.GetBytes(16);
        var ciphertext = aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), iv, PaddingMode.PKCS7);
        return Convert.ToBase64String([.. iv, .. ciphertext]);
    }

    public static string Decrypt(string password, string encoded)
    {
        if (encoded.Length == 0)
        {
            return "";
        }

        var data = Base64.Decode(encoded);
        if (data.Length < 32 || data.Length % 16 != 0)
        {
            throw new GoFunctionException("crypto/cipher: input not full blocks");
        }

        using var aes = Create(password);
        var plain = aes.DecryptCbc(data.AsSpan(16), data.AsSpan(0, 16), PaddingMode.None);
        // Like Sprig, the last byte says how much padding to drop; it is not checked further.
        var padding = plain[^1];
        if (padding > plain.Length)
        {
            throw new GoFunctionException($"runtime error: slice bounds out of range [:{plain.Length - padding}]");
        }

        return Encoding.UTF8.GetString(plain, 0, plain.Length - padding);
    }

    private static Aes Create(string password)
    {
        var key = new byte[32];
        var bytes = Encoding.UTF8.GetBytes(password);
        bytes.AsSpan(0, Math.Min(32, bytes.Length)).CopyTo(key);
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
