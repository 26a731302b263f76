using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sveltos.Engine.Templates.Go.Crypto;

/// <summary>
/// The Master Password algorithm (Lyndir), as Sprig's derivePassword computes it: an scrypt master key from the
/// password and user, an HMAC-SHA256 seed from the site and counter, and a template of character classes chosen and
/// filled by the seed bytes.
/// </summary>
internal static class MasterPassword
{
    private const string Scope = "com.lyndir.masterpassword";

    private static readonly Dictionary<string, string[]> Templates = new(StringComparer.Ordinal)
    {
        ["maximum"] = ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        ["long"] =
        [
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
            "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno",
            "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno",
        ],
        ["medium"] = ["CvcnoCvc", "CvcCvcno"],
        ["short"] = ["Cvcn"],
        ["basic"] = ["aaanaaan", "aannaaan", "aaannaaa"],
        ["pin"] = ["nnnn"],
    };

    private static readonly Dictionary<char, string> Classes = new()
    {
        ['V'] = "AEIOU",
        ['C'] = "BCDFGHJKLMNPQRSTVWXYZ",
        ['v'] = "aeiou",
        ['c'] = "bcdfghjklmnpqrstvwxyz",
        ['A'] = "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        ['a'] = "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        ['n'] = "0123456789",
        ['o'] = "@&%?,=[]_:-+*$#!'^~;()/.",
        ['x'] = "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    };

    public static bool IsPasswordType(string type) => Templates.ContainsKey(type);

    public static string Derive(uint counter, string type, string password, string user, string site)
    {
        var templates = Templates[type];
        var key = Scrypt.DeriveKey(Encoding.UTF8.GetBytes(password), ScopedName(user), 32768, 8, 2, 64);
        var message = new List<byte>(ScopedName(site));
        var counterBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counterBytes, counter);
        message.AddRange(counterBytes);
        var seed = HMACSHA256.HashData(key, message.ToArray());
        var template = templates[seed[0] % templates.Length];
        var result = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var characters = Classes[template[i]];
            result.Append(characters[seed[i + 1] % characters.Length]);
        }

        return result.ToString();
    }

    /// <summary>The scope, the name's byte length (big-endian) and the name: the salt, and the start of the seed message.</summary>
    private static byte[] ScopedName(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var result = new byte[Scope.Length + 4 + bytes.Length];
        Encoding.ASCII.GetBytes(Scope, result);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(Scope.Length), (uint)bytes.Length);
        bytes.CopyTo(result, Scope.Length + 4);
        return result;
    }
}
