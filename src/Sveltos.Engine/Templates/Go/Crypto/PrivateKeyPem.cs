using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Sveltos.Engine.Templates.Go.Crypto;

/// <summary>
/// Private keys in the PEM forms Sprig writes and reads: PKCS#1 "RSA PRIVATE KEY", SEC 1 "EC PRIVATE KEY", OpenSSL's
/// "DSA PRIVATE KEY" (version, p, q, g, y, x) and PKCS#8 "PRIVATE KEY".
/// </summary>
internal static class PrivateKeyPem
{
    public static string Write(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => Pem("RSA PRIVATE KEY", rsa.ExportRSAPrivateKey()),
        ECDsa ec => Pem("EC PRIVATE KEY", ec.ExportECPrivateKey()),
        DSA dsa => Pem("DSA PRIVATE KEY", WriteDsa(dsa.ExportParameters(includePrivateParameters: true))),
        _ => Pem("PRIVATE KEY", key.ExportPkcs8PrivateKey()),
    };

    /// <summary>Go's pem.EncodeToMemory: 64-character lines and a final newline.</summary>
    public static string Pem(string label, byte[] data) => new string(PemEncoding.Write(label, data)) + "\n";

    /// <summary>Reads the first PEM block as a private key; the messages are those of Sprig's parsePrivateKeyPEM.</summary>
    public static AsymmetricAlgorithm Read(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new GoFunctionException("no PEM data in input");
        }

        var label = pem[fields.Label];
        var data = Convert.FromBase64String(pem[fields.Base64Data]);
        if (label == "PRIVATE KEY")
        {
            return Import(data, "decoding PEM as PKCS#8", ReadPkcs8);
        }

        if (!label.EndsWith(" PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new GoFunctionException($"no private key data in PEM block of type {label}");
        }

        return label[..^12] switch
        {
            "RSA" => Import(data, "parsing RSA private key from PEM", d => { var k = RSA.Create(); k.ImportRSAPrivateKey(d, out _); return k; }),
            "EC" => Import(data, "parsing EC private key from PEM", d => { var k = ECDsa.Create(); k.ImportECPrivateKey(d, out _); return k; }),
            "DSA" => Import(data, "parsing DSA private key from PEM", ReadDsa),
            _ => throw new GoFunctionException($"invalid private key type {label}"),
        };
    }

    private static AsymmetricAlgorithm Import(byte[] data, string what, Func<byte[], AsymmetricAlgorithm> import)
    {
        try
        {
            return import(data);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            throw new GoFunctionException($"{what}: {e.Message}");
        }
    }

    private static AsymmetricAlgorithm ReadPkcs8(byte[] data)
    {
        var algorithm = new AsnReader(data, AsnEncodingRules.DER).ReadSequence();
        algorithm.ReadInteger();
        var oid = algorithm.ReadSequence().ReadObjectIdentifier();
        AsymmetricAlgorithm key = oid switch
        {
            "1.2.840.113549.1.1.1" => RSA.Create(),
            "1.2.840.10045.2.1" => ECDsa.Create(),
            "1.2.840.10040.4.1" => DSA.Create(),
            _ => throw new CryptographicException($"x509: PKCS#8 wrapping contained private key with unknown algorithm: {oid}"),
        };
        key.ImportPkcs8PrivateKey(data, out _);
        return key;
    }

    internal static byte[] WriteDsa(DSAParameters p)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            foreach (var value in new[] { p.P!, p.Q!, p.G!, p.Y!, p.X! })
            {
                writer.WriteIntegerUnsigned(Minimal(value));
            }
        }

        return writer.Encode();
    }

    private static DSA ReadDsa(byte[] data)
    {
        var sequence = new AsnReader(data, AsnEncodingRules.BER).ReadSequence();
        sequence.ReadInteger();
        var values = new byte[5][];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = sequence.ReadInteger().ToByteArray(isUnsigned: true, isBigEndian: true);
        }

        var q = values[1];
        var dsa = DSA.Create();
        dsa.ImportParameters(new DSAParameters
        {
            P = values[0],
            Q = q,
            G = Pad(values[2], values[0].Length),
            Y = Pad(values[3], values[0].Length),
            X = Pad(values[4], q.Length),
        });
        return dsa;
    }

    /// <summary>
    /// .NET exports G, Y and X padded to the length of P or Q; DER wants an integer without leading zero bytes (about
    /// one key in 128 has a short X).
    /// </summary>
    private static byte[] Minimal(byte[] value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }

    /// <summary>.NET wants G and Y as long as P, and X as long as Q; DER drops leading zero bytes.</summary>
    private static byte[] Pad(byte[] value, int length) =>
        value.Length >= length ? value : [.. new byte[length - value.Length], .. value];
}
