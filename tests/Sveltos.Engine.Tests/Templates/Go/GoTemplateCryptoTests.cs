using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go.Crypto;
using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

[Collection(CpuHeavyCollection.Name)]
public class GoTemplateCryptoTests
{
    /// <summary>RSA 4096 and DSA 2048 keys take seconds to generate on a loaded machine; the 2 s default limit is what a template gets, not what these tests measure.</summary>
    private static readonly TemplateLimits KeyGeneration = new() { Timeout = TimeSpan.FromSeconds(60) };

    private static string Render(string text) => GoTemplateTestData.Render(text, limits: KeyGeneration);

    private static TemplateException Fails(string text) => GoTemplateTestData.Fails(text, limits: KeyGeneration);

    [Fact]
    public void BcryptWritesA2aCost10HashOfThePassword()
    {
        var hash = Render("{{ bcrypt \"s3cret\" }}");
        Assert.Matches(@"^\$2a\$10\$[./A-Za-z0-9]{53}$", hash);
        var (cost, salt) = Bcrypt.ReadSalt(hash);
        Assert.Equal(hash, Bcrypt.Hash(Encoding.UTF8.GetBytes("s3cret"), cost, salt));
        Assert.NotEqual(hash, Render("{{ bcrypt \"s3cret\" }}"));
        Assert.Equal("failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes", Render("{{ repeat 73 \"x\" | bcrypt }}"));
    }

    [Fact]
    public void HtpasswdWritesUserColonBcrypt()
    {
        var line = Render("{{ htpasswd \"myUser\" \"myPassword\" }}");
        var (user, hash) = (line[..line.IndexOf(':')], line[(line.IndexOf(':') + 1)..]);
        Assert.Equal("myUser", user);
        var (cost, salt) = Bcrypt.ReadSalt(hash);
        Assert.Equal(hash, Bcrypt.Hash(Encoding.UTF8.GetBytes("myPassword"), cost, salt));
        Assert.Equal("invalid username: wrongus:er", Render("{{ htpasswd \"wrongus:er\" \"x\" }}"));
    }

    [Fact]
    public void DerivePasswordIsTheMasterPasswordAlgorithm()
    {
        Assert.Equal("ZedaFaxcZaso9*", Render("{{ derivePassword 1 \"long\" \"password\" \"user\" \"example.com\" }}"));
        Assert.Equal("cannot find password template nope", Render("{{ derivePassword 1 \"nope\" \"password\" \"user\" \"example.com\" }}"));
        Assert.Contains("out of range for uint32", Fails("{{ derivePassword -1 \"pin\" \"p\" \"u\" \"s\" }}").Message, StringComparison.Ordinal);
        Assert.Contains("expected uint32; got string", Fails("{{ derivePassword \"1\" \"pin\" \"p\" \"u\" \"s\" }}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADsaKeyWithAShortPrivateValueIsWrittenAsStrictDer()
    {
        var parameters = new DSAParameters
        {
            P = [0x00, 0xC1, 0x02], Q = [0x00, 0x91], G = [0x00, 0x00, 0x05], Y = [0x00, 0x7F, 0x03], X = [0x00, 0x11],
        };
        var sequence = new System.Formats.Asn1.AsnReader(PrivateKeyPem.WriteDsa(parameters), System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        Assert.Equal(0, (int)sequence.ReadInteger());
        Assert.Equal(new byte[] { 0x00, 0xC1, 0x02 }, sequence.ReadIntegerBytes().ToArray());
        Assert.Equal(new byte[] { 0x00, 0x91 }, sequence.ReadIntegerBytes().ToArray());
        Assert.Equal(new byte[] { 0x05 }, sequence.ReadIntegerBytes().ToArray());
        Assert.Equal(new byte[] { 0x7F, 0x03 }, sequence.ReadIntegerBytes().ToArray());
        Assert.Equal(new byte[] { 0x11 }, sequence.ReadIntegerBytes().ToArray());
    }

    [Fact]
    public void GenPrivateKeyWritesPemKeysOfEachKind()
    {
        var rsa = Render("{{ genPrivateKey \"rsa\" }}");
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----\n", rsa, StringComparison.Ordinal);
        Assert.EndsWith("-----END RSA PRIVATE KEY-----\n", rsa, StringComparison.Ordinal);
        using (var key = RSA.Create())
        {
            key.ImportFromPem(rsa);
            Assert.Equal(4096, key.KeySize);
        }

        var ec = Render("{{ genPrivateKey \"ecdsa\" }}");
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----\n", ec, StringComparison.Ordinal);
        using (var key = ECDsa.Create())
        {
            key.ImportFromPem(ec);
            Assert.Equal(256, key.KeySize);
        }

        var dsa = Render("{{ genPrivateKey \"dsa\" }}");
        Assert.StartsWith("-----BEGIN DSA PRIVATE KEY-----\n", dsa, StringComparison.Ordinal);
        using (var key = (DSA)PrivateKeyPem.Read(dsa))
        {
            Assert.Equal(2048, key.KeySize);
            Assert.Equal(dsa, PrivateKeyPem.Write(key));
        }

        Assert.Equal("Unknown type bad", Render("{{ genPrivateKey \"bad\" }}"));
        Assert.Contains(".NET 8 has no Ed25519", Fails("{{ genPrivateKey \"ed25519\" }}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GenCAMakesACertificateAuthority()
    {
        var (certificate, key) = Pair(Render("{{ $ca := genCA \"foo-ca\" 365 }}{{ $ca.Cert }}|{{ $ca.Key }}"));
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", key, StringComparison.Ordinal);
        Assert.Equal("CN=foo-ca", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.True(Extension<X509BasicConstraintsExtension>(certificate).CertificateAuthority);
        Assert.True(Extension<X509KeyUsageExtension>(certificate).KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        Assert.InRange((certificate.NotAfter - certificate.NotBefore).TotalDays, 364.99, 365.01);
        Assert.InRange((certificate.NotBefore.ToUniversalTime() - DateTime.UtcNow).TotalMinutes, -2, 1);
        Assert.NotNull(Extension<X509SubjectKeyIdentifierExtension>(certificate).SubjectKeyIdentifier);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key);
        using var withKey = certificate.CopyWithPrivateKey(rsa);
        Assert.True(withKey.HasPrivateKey);
    }

    [Fact]
    public void GenSelfSignedCertCarriesTheNamesAndAddresses()
    {
        var (certificate, _) = Pair(Render("{{ $c := genSelfSignedCert \"foo.com\" (list \"10.0.0.1\" \"::1\") (list \"bar.com\" \"bat.com\") 30 }}{{ $c.Cert }}|{{ $c.Key }}"));
        Assert.Equal("CN=foo.com", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        var names = Extension<X509SubjectAlternativeNameExtension>(certificate);
        Assert.Equal(["bar.com", "bat.com"], names.EnumerateDnsNames());
        Assert.Equal(["10.0.0.1", "::1"], names.EnumerateIPAddresses().Select(a => a.ToString()));
        Assert.False(Extension<X509BasicConstraintsExtension>(certificate).CertificateAuthority);
        var usages = Extension<X509EnhancedKeyUsageExtension>(certificate).EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], usages);
        Assert.Equal(16, certificate.SerialNumberBytes.Length);
        Assert.InRange((certificate.NotAfter - certificate.NotBefore).TotalDays, 29.99, 30.01);
    }

    [Fact]
    public void GenSignedCertChainsToItsCA()
    {
        var text = Render("{{ $ca := genCA \"foo\" 365 }}{{ $c := genSignedCert \"foo.com\" (list \"10.0.0.2\") (list \"bar.com\") 365 $ca }}{{ $ca.Cert }}|{{ $c.Cert }}|{{ $c.Key }}");
        var parts = text.Split('|');
        using var ca = X509Certificate2.CreateFromPem(parts[0]);
        using var leaf = X509Certificate2.CreateFromPem(parts[1]);
        Assert.Equal("CN=foo", leaf.Issuer);
        Assert.Equal("CN=foo.com", leaf.Subject);
        Assert.True(Chains(leaf, ca));
        var authorityKey = Extension<X509AuthorityKeyIdentifierExtension>(leaf).KeyIdentifier!.Value.ToArray();
        Assert.Equal(Convert.FromHexString(Extension<X509SubjectKeyIdentifierExtension>(ca).SubjectKeyIdentifier!), authorityKey);
        using var unrelated = X509Certificate2.CreateFromPem(Pair(Render("{{ $ca := genCA \"other\" 1 }}{{ $ca.Cert }}|{{ $ca.Key }}")).Certificate.ExportCertificatePem());
        Assert.False(Chains(leaf, unrelated));
    }

    [Fact]
    public void TheWithKeyVariantsUseTheKeyGiven()
    {
        const string Text = """
            {{- $key := genPrivateKey "ecdsa" -}}
            {{- $ca := genCAWithKey "ca" 10 $key -}}
            {{- $self := genSelfSignedCertWithKey "self" nil (list "self.example") 10 $key -}}
            {{- $signed := genSignedCertWithKey "leaf" nil nil 10 $ca $key -}}
            {{ $key }}|{{ $ca.Cert }}|{{ $ca.Key }}|{{ $self.Cert }}|{{ $self.Key }}|{{ $signed.Cert }}|{{ $signed.Key }}
            """;
        var parts = Render(Text).Split('|');
        Assert.All([parts[2], parts[4], parts[6]], k => Assert.Equal(parts[0], k));
        using var ca = X509Certificate2.CreateFromPem(parts[1]);
        using var self = X509Certificate2.CreateFromPem(parts[3]);
        using var signed = X509Certificate2.CreateFromPem(parts[5]);
        using var key = ECDsa.Create();
        key.ImportFromPem(parts[0]);
        foreach (var certificate in new[] { ca, self, signed })
        {
            Assert.Equal(key.ExportSubjectPublicKeyInfo(), certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo());
        }

        Assert.True(Chains(signed, ca));
        Assert.Equal(["self.example"], Extension<X509SubjectAlternativeNameExtension>(self).EnumerateDnsNames());
    }

    [Fact]
    public void BuildCustomCertChecksAndReturnsTheGivenPair()
    {
        var ca = Render("{{ $ca := genCA \"example.com\" 365 }}{{ $ca.Cert | b64enc }}|{{ $ca.Key | b64enc }}").Split('|');
        var rebuilt = Render($"{{{{ $c := buildCustomCert \"{ca[0]}\" \"{ca[1]}\" }}}}{{{{ $c.Cert | b64enc }}}}|{{{{ $c.Key | b64enc }}}}").Split('|');
        Assert.Equal(ca, rebuilt);
        Assert.Contains("unable to decode certificate", Fails($"{{{{ buildCustomCert \"{Convert.ToBase64String("fail"u8)}\" \"{ca[1]}\" }}}}").Message, StringComparison.Ordinal);
        Assert.Contains("unable to decode base64 certificate", Fails($"{{{{ buildCustomCert \"!!\" \"{ca[1]}\" }}}}").Message, StringComparison.Ordinal);
        Assert.Contains("error parsing private key: no PEM data in input", Fails($"{{{{ buildCustomCert \"{ca[0]}\" \"{Convert.ToBase64String("x"u8)}\" }}}}").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ genSelfSignedCert \"x\" (list \"nope\") nil 1 }}", "error parsing ip: nope")]
    [InlineData("{{ genSelfSignedCert \"x\" (list 1) nil 1 }}", "error parsing ip: 1 is not a string")]
    [InlineData("{{ genSelfSignedCert \"x\" nil (list true) 1 }}", "error processing alternate dns name: true is not a string")]
    [InlineData("{{ genSelfSignedCert \"x\" \"10.0.0.1\" nil 1 }}", "expected []interface {}; got string")]
    [InlineData("{{ genCAWithKey \"x\" 1 \"garbage\" }}", "parsing private key: no PEM data in input")]
    [InlineData("{{ genCAWithKey \"x\" 1 \"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n\" }}", "no private key data in PEM block of type CERTIFICATE")]
    [InlineData("{{ genCAWithKey \"x\" 1 (genPrivateKey \"dsa\") }}", "only RSA, ECDSA and Ed25519 keys supported")]
    [InlineData("{{ genSignedCert \"x\" nil nil 1 \"ca\" }}", "expected sprig.certificate; got string")]
    [InlineData("{{ genSignedCert \"x\" nil nil 1 (dict \"Cert\" \"c\") }}", "the CA must have Cert and Key")]
    public void CertificateFunctionsReportBadArguments(string text, string message) =>
        Assert.Contains(message, Fails(text).Message, StringComparison.Ordinal);

    [Fact]
    public void EncryptAesRoundTripsAndFollowsSprigsScheme()
    {
        Assert.Equal("plaintext", Render("{{ \"plaintext\" | encryptAES \"secretkey\" | decryptAES \"secretkey\" }}"));
        Assert.Equal("|", Render("{{ encryptAES \"k\" \"\" }}|{{ decryptAES \"k\" \"\" }}"));

        var encrypted = Convert.FromBase64String(Render("{{ encryptAES \"secretkey\" \"hello, world\" }}"));
        using var aes = Aes.Create();
        aes.Key = Encoding.UTF8.GetBytes("secretkey").Concat(new byte[23]).ToArray();
        Assert.Equal("hello, world", Encoding.UTF8.GetString(aes.DecryptCbc(encrypted.AsSpan(16), encrypted.AsSpan(0, 16), PaddingMode.PKCS7)));

        var iv = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var longKey = new string('k', 40);
        aes.Key = Encoding.UTF8.GetBytes(longKey)[..32];
        var ciphertext = Convert.ToBase64String([.. iv, .. aes.EncryptCbc("sixteen byte msg"u8, iv, PaddingMode.PKCS7)]);
        Assert.Equal("sixteen byte msg", Render($"{{{{ decryptAES \"{longKey}\" \"{ciphertext}\" }}}}"));

        Assert.Contains("illegal base64 data at input byte 3", Fails("{{ decryptAES \"k\" \"abc!\" }}").Message, StringComparison.Ordinal);
        Assert.Contains("input not full blocks", Fails($"{{{{ decryptAES \"k\" \"{Convert.ToBase64String(new byte[20])}\" }}}}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandBytesIsBase64OfThatManyRandomBytes()
    {
        var first = Render("{{ randBytes 24 }}");
        Assert.Equal(24, Convert.FromBase64String(first).Length);
        Assert.NotEqual(first, Render("{{ randBytes 24 }}"));
        Assert.Equal("", Render("{{ randBytes 0 }}"));
    }

    private static (X509Certificate2 Certificate, string Key) Pair(string text)
    {
        var parts = text.Split('|');
        Assert.Matches(new Regex("^-----BEGIN CERTIFICATE-----\n(.{64}\n)*.{1,64}\n-----END CERTIFICATE-----\n$"), parts[0]);
        return (X509Certificate2.CreateFromPem(parts[0]), parts[1]);
    }

    private static T Extension<T>(X509Certificate2 certificate)
        where T : X509Extension => certificate.Extensions.OfType<T>().Single();

    private static bool Chains(X509Certificate2 leaf, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
