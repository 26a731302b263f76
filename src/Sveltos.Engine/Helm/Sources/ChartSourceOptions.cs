using System.Security.Cryptography;
using System.Text;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// How to reach a chart repository or registry: credentials and TLS, as Helm's --username/--password, --ca-file,
/// --cert-file/--key-file, --insecure-skip-tls-verify, --pass-credentials and --plain-http. A class, not a record,
/// so that no generated ToString ever prints the password.
/// </summary>
public sealed class ChartSourceOptions
{
    public static readonly ChartSourceOptions None = new();

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>PEM file of the certificate authorities to trust for the server, instead of the system's.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate (with <see cref="KeyFile"/>) for servers that ask for one.</summary>
    public string? CertFile { get; init; }

    public string? KeyFile { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Send the credentials to chart URLs on other hosts than the repository's (Helm's --pass-credentials).</summary>
    public bool PassCredentialsAll { get; init; }

    /// <summary>Talk to an OCI registry over http instead of https (Helm's --plain-http).</summary>
    public bool PlainHttp { get; init; }

    internal bool HasCredentials => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);

    /// <summary>What distinguishes the TLS setup (one HTTP client per distinct value).</summary>
    internal string TlsKey => $"{CaFile}|{CertFile}|{KeyFile}|{InsecureSkipTlsVerify}";

    /// <summary>
    /// What distinguishes one way of fetching from another: TLS, transport and the credentials, the password only as
    /// a hash, so that a caller with other (or wrong) credentials never shares a result fetched with these.
    /// </summary>
    internal string FetchKey =>
        $"{TlsKey}|{PlainHttp}|{PassCredentialsAll}|{Username}|{(Password is null ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Password))))}";

    public override string ToString() => HasCredentials ? $"user {Username}" : "anonymous";
}
