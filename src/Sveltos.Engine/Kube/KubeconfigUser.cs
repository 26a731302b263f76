namespace Sveltos.Engine.Kube;

/// <summary>
/// Credentials of a kubeconfig user entry. Every secret is held here and nowhere else; ToString
/// names only the kinds of credential present, so logging an instance can never leak one.
/// </summary>
public sealed class KubeconfigUser
{
    internal static readonly KubeconfigUser Anonymous = new() { Name = "", SourceFile = "" };

    public required string Name { get; init; }

    public required string SourceFile { get; init; }

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public string? ClientCertificateData { get; init; }

    public string? ClientCertificateFile { get; init; }

    public string? ClientKeyData { get; init; }

    public string? ClientKeyFile { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public ExecCredentialConfig? Exec { get; init; }

    public IReadOnlyList<string> CredentialKinds
    {
        get
        {
            var kinds = new List<string>();
            if (Token is not null || TokenFile is not null)
            {
                kinds.Add("token");
            }

            if (ClientCertificateData is not null || ClientCertificateFile is not null)
            {
                kinds.Add("client-certificate");
            }

            if (Username is not null)
            {
                kinds.Add("basic");
            }

            if (Exec is not null)
            {
                kinds.Add("exec");
            }

            return kinds;
        }
    }

    /// <summary>The bearer token: given inline, or read from <see cref="TokenFile"/> when it is named.</summary>
    public string? ResolveToken()
    {
        if (Token is not null || TokenFile is null)
        {
            return Token;
        }

        try
        {
            return File.ReadAllText(TokenFile).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SveltosException(
                "KubeconfigUnreadable",
                ErrorKind.ReadError,
                $"Kubeconfig '{SourceFile}': user '{Name}' names tokenFile '{TokenFile}', which cannot be read: {ex.Message}",
                Name,
                "Check that the token file exists and is readable.",
                ex);
        }
    }

    public override string ToString() =>
        CredentialKinds.Count == 0 ? $"user '{Name}' (no credentials)" : $"user '{Name}' ({string.Join(", ", CredentialKinds)})";
}

/// <summary>An exec credential plugin (client.authentication.k8s.io), run to obtain a token or certificate.</summary>
public sealed record ExecCredentialConfig(
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Env,
    string? ApiVersion,
    string? InstallHint)
{
    // Env values are often secrets; keep them out of any printed form.
    public override string ToString() => $"exec '{Command}'";
}
