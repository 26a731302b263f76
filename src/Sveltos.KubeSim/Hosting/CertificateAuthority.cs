using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sveltos.KubeSim.Hosting;

/// <summary>A throwaway CA and the serving certificate it signs for 127.0.0.1 and localhost (TLS mode).</summary>
internal sealed class CertificateAuthority
{
    private CertificateAuthority(X509Certificate2 caCertificate, X509Certificate2 serverCertificate)
    {
        CaCertificate = caCertificate;
        ServerCertificate = serverCertificate;
    }

    public X509Certificate2 CaCertificate { get; }

    public X509Certificate2 ServerCertificate { get; }

    public string CaPem => CaCertificate.ExportCertificatePem();

    public static CertificateAuthority Create()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=kubesim-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(now, now.AddYears(5));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=kubesim", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var signed = serverRequest.Create(ca, now, now.AddYears(2), serial);
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        // Re-import through PKCS#12 so the key is usable by SslStream on every platform.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        var caPublic = X509CertificateLoader.LoadCertificate(ca.Export(X509ContentType.Cert));
        ca.Dispose();
        return new CertificateAuthority(caPublic, server);
    }
}
