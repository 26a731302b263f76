using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sveltos.Engine.Templates.Go.Crypto;

/// <summary>
/// Sprig's certificate functions: a certificate and its key, as PEM, for a CA, a self-signed server/client certificate
/// or one signed by a CA. The certificates are those Go's x509.CreateCertificate makes from Sprig's template: a random
/// 128-bit serial, CN only, SANs, digital signature + key encipherment (+ cert sign for a CA), server and client auth.
/// </summary>
internal static class SprigCertificates
{
    public static Dictionary<string, object?> Authority(string commonName, int days, AsymmetricAlgorithm? key)
    {
        key ??= RSA.Create(2048);
        return Create(commonName, [], [], days, key, issuer: null, isAuthority: true);
    }

    public static Dictionary<string, object?> SelfSigned(string commonName, IReadOnlyList<object?> ips, IReadOnlyList<object?> names, int days, AsymmetricAlgorithm? key)
    {
        key ??= RSA.Create(2048);
        return Create(commonName, ips, names, days, key, issuer: null, isAuthority: false);
    }

    public static Dictionary<string, object?> Signed(string commonName, IReadOnlyList<object?> ips, IReadOnlyList<object?> names, int days, Dictionary<string, object?> authority, AsymmetricAlgorithm? key)
    {
        var (certificatePem, keyPem) = Pair(authority);
        if (!PemEncoding.TryFind(certificatePem, out var fields))
        {
            throw new GoFunctionException("unable to decode certificate");
        }

        X509Certificate2 issuer;
        try
        {
            issuer = new X509Certificate2(Convert.FromBase64String(certificatePem[fields.Base64Data]));
        }
        catch (CryptographicException e)
        {
            throw new GoFunctionException($"error parsing certificate: decodedSignerCert.Bytes: {e.Message}");
        }

        var issuerKey = ReadKey(keyPem, "error parsing private key");
        key ??= RSA.Create(2048);
        return Create(commonName, ips, names, days, key, (issuer, issuerKey), isAuthority: false);
    }

    /// <summary>buildCustomCert: a certificate and key given as base64 PEM, checked and returned as they are.</summary>
    public static Dictionary<string, object?> Custom(string base64Certificate, string base64Key)
    {
        string certificatePem, keyPem;
        try
        {
            certificatePem = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64Certificate));
        }
        catch (FormatException)
        {
            throw new GoFunctionException("unable to decode base64 certificate");
        }

        try
        {
            keyPem = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64Key));
        }
        catch (FormatException)
        {
            throw new GoFunctionException("unable to decode base64 private key");
        }

        if (!PemEncoding.TryFind(certificatePem, out var fields))
        {
            throw new GoFunctionException("unable to decode certificate");
        }

        try
        {
            using var parsed = new X509Certificate2(Convert.FromBase64String(certificatePem[fields.Base64Data]));
        }
        catch (CryptographicException e)
        {
            throw new GoFunctionException($"error parsing certificate: decodedCert.Bytes: {e.Message}");
        }

        ReadKey(keyPem, "error parsing private key").Dispose();
        return Result(certificatePem, keyPem);
    }

    /// <summary>A private key given to a *WithKey function.</summary>
    public static AsymmetricAlgorithm ReadKey(string pem, string context)
    {
        try
        {
            return PrivateKeyPem.Read(pem);
        }
        catch (GoFunctionException e)
        {
            throw new GoFunctionException($"{context}: {e.Message}");
        }
    }

    private static (string Certificate, string Key) Pair(Dictionary<string, object?> value) =>
        value.TryGetValue("Cert", out var c) && c is string certificate && value.TryGetValue("Key", out var k) && k is string key
            ? (certificate, key)
            : throw new GoFunctionException("the CA must have Cert and Key (PEM strings), as genCA and buildCustomCert return it");

    private static Dictionary<string, object?> Create(
        string commonName,
        IReadOnlyList<object?> ips,
        IReadOnlyList<object?> names,
        int days,
        AsymmetricAlgorithm key,
        (X509Certificate2 Certificate, AsymmetricAlgorithm Key)? issuer,
        bool isAuthority)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), PublicKeyOf(key), HashAlgorithmName.SHA256);
        var usage = X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature | (isAuthority ? X509KeyUsageFlags.KeyCertSign : 0);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isAuthority, false, 0, critical: true));
        var alternativeNames = AlternativeNames(ips, names);
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        // Go gives a CA a subject key identifier, and a certificate the issuer's as its authority key identifier.
        var keyIdentifier = new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false);
        if (isAuthority)
        {
            request.CertificateExtensions.Add(keyIdentifier);
        }

        var issuerKeyIdentifier = issuer is { } i
            ? i.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()
            : isAuthority ? keyIdentifier : null;
        if (issuerKeyIdentifier?.SubjectKeyIdentifierBytes is { Length: > 0 } identifier)
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(identifier.Span));
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        var now = DateTimeOffset.UtcNow;
        var signer = issuer?.Key ?? key;
        using var certificate = request.Create(issuer?.Certificate.SubjectName ?? request.SubjectName, Generator(signer), now, now.AddDays(days), serial);
        return Result(PrivateKeyPem.Pem("CERTIFICATE", certificate.RawData), PrivateKeyPem.Write(key));
    }

    private static Dictionary<string, object?> Result(string certificate, string key) =>
        new(StringComparer.Ordinal) { ["Cert"] = certificate, ["Key"] = key };

    private static PublicKey PublicKeyOf(AsymmetricAlgorithm key) => key switch
    {
        RSA or ECDsa => new PublicKey(key),
        _ => throw new GoFunctionException("error creating certificate: x509: only RSA, ECDSA and Ed25519 keys supported"),
    };

    private static X509SignatureGenerator Generator(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ec => X509SignatureGenerator.CreateForECDsa(ec),
        _ => throw new GoFunctionException("error creating certificate: x509: certificate private key does not implement crypto.Signer"),
    };

    private static X509Extension? AlternativeNames(IReadOnlyList<object?> ips, IReadOnlyList<object?> names)
    {
        if (ips.Count == 0 && names.Count == 0)
        {
            return null;
        }

        var builder = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            builder.AddDnsName(name as string ?? throw new GoFunctionException($"error processing alternate dns name: {GoValues.Sprint(name)} is not a string"));
        }

        foreach (var ip in ips)
        {
            var text = ip as string ?? throw new GoFunctionException($"error parsing ip: {GoValues.Sprint(ip)} is not a string");
            builder.AddIpAddress(IPAddress.TryParse(text, out var address) && (text.Contains(':', StringComparison.Ordinal) || text.Count(c => c == '.') == 3)
                ? address
                : throw new GoFunctionException($"error parsing ip: {text}"));
        }

        return builder.Build();
    }
}
