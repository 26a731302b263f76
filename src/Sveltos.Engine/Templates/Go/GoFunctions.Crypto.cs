using System.Security.Cryptography;
using System.Text;
using Sveltos.Engine.Templates.Go.Crypto;
using static Sveltos.Engine.Templates.Go.GoConvert;

namespace Sveltos.Engine.Templates.Go;

/// <summary>Sprig's crypto functions: password hashes, derived passwords, keys, certificates, AES and random bytes.</summary>
internal static partial class GoFunctions
{
    private const int BcryptCost = 10;

    private static void AddSprigCrypto(Adder add)
    {
        add("bcrypt", 1, 1, (_, a) => BcryptText(Str(a[0])));
        add("htpasswd", 2, 2, (_, a) => Str(a[0]) is var user && user.Contains(':', StringComparison.Ordinal) ? $"invalid username: {user}" : $"{user}:{BcryptText(Str(a[1]))}");
        add("derivePassword", 5, 5, (_, a) => DerivePassword(UInt32(a[0]), Str(a[1]), Str(a[2]), Str(a[3]), Str(a[4])));
        add("genPrivateKey", 1, 1, (_, a) => PrivateKey(Str(a[0])));
        add("buildCustomCert", 2, 2, (_, a) => SprigCertificates.Custom(Str(a[0]), Str(a[1])));
        add("genCA", 2, 2, (_, a) => SprigCertificates.Authority(Str(a[0]), Int(a[1]), null));
        add("genCAWithKey", 3, 3, (_, a) => SprigCertificates.Authority(Str(a[0]), Int(a[1]), GivenKey(a[2])));
        add("genSelfSignedCert", 4, 4, (_, a) => SprigCertificates.SelfSigned(Str(a[0]), Items(a[1]), Items(a[2]), Int(a[3]), null));
        add("genSelfSignedCertWithKey", 5, 5, (_, a) => SprigCertificates.SelfSigned(Str(a[0]), Items(a[1]), Items(a[2]), Int(a[3]), GivenKey(a[4])));
        add("genSignedCert", 5, 5, (_, a) => SprigCertificates.Signed(Str(a[0]), Items(a[1]), Items(a[2]), Int(a[3]), Certificate(a[4]), null));
        add("genSignedCertWithKey", 6, 6, (_, a) => SprigCertificates.Signed(Str(a[0]), Items(a[1]), Items(a[2]), Int(a[3]), Certificate(a[4]), GivenKey(a[5])));
        add("encryptAES", 2, 2, (_, a) => SprigAes.Encrypt(Str(a[0]), Str(a[1])));
        add("decryptAES", 2, 2, (_, a) => SprigAes.Decrypt(Str(a[0]), Str(a[1])));
        add("randBytes", 1, 1, (e, a) => RandomBytes(e, Int(a[0])));
    }

    private static string RandomBytes(GoExecution e, int count)
    {
        if (count < 0)
        {
            throw new GoFunctionException("runtime error: makeslice: len out of range");
        }

        e.CountItems(count);
        return Convert.ToBase64String(RandomNumberGenerator.GetBytes(count));
    }

    /// <summary>Sprig returns its failures as the hash text, not as an error.</summary>
    private static string BcryptText(string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        return bytes.Length > Bcrypt.MaxPasswordBytes
            ? "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
            : Bcrypt.Hash(bytes, BcryptCost);
    }

    private static string DerivePassword(uint counter, string type, string password, string user, string site) =>
        MasterPassword.IsPasswordType(type) ? MasterPassword.Derive(counter, type, password, user, site) : $"cannot find password template {type}";

    private static string PrivateKey(string type)
    {
        using AsymmetricAlgorithm? key = type switch
        {
            "" or "rsa" => RSA.Create(4096),
            "dsa" => DSA.Create(2048),
            "ecdsa" => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            "ed25519" => throw new GoFunctionException("ed25519 keys cannot be generated here: .NET 8 has no Ed25519; use \"rsa\" or \"ecdsa\""),
            _ => null,
        };
        return key is null ? "Unknown type " + type : PrivateKeyPem.Write(key);
    }

    private static AsymmetricAlgorithm GivenKey(object? pem) => SprigCertificates.ReadKey(Str(pem), "parsing private key");

    private static Dictionary<string, object?> Certificate(object? value) => value as Dictionary<string, object?>
        ?? throw new GoFunctionException($"wrong type for value; expected sprig.certificate; got {GoValues.TypeName(value)}");

    /// <summary>A []interface{} parameter: a list, or nil for none.</summary>
    private static List<object?> Items(object? value) => value switch
    {
        List<object?> list => list,
        null => [],
        _ => throw new GoFunctionException($"wrong type for value; expected []interface {{}}; got {GoValues.TypeName(value)}"),
    };

    private static uint UInt32(object? value) => value switch
    {
        long l when l is >= 0 and <= uint.MaxValue => (uint)l,
        long => throw new GoFunctionException("value out of range for uint32"),
        null => throw new GoFunctionException("invalid value; expected uint32"),
        _ => throw new GoFunctionException($"wrong type for value; expected uint32; got {GoValues.TypeName(value)}"),
    };
}
