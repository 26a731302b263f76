using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>helmCharts[].registryCredentialsConfig: how to reach a private (OCI) chart registry.</summary>
public sealed record RegistryCredentials(
    string? CredentialsSecretName,
    string? CredentialsSecretNamespace,
    string? Key,
    string? CaSecretName,
    string? CaSecretNamespace,
    bool InsecureSkipTlsVerify,
    bool PlainHttp)
{
    internal static RegistryCredentials? ReadOptional(YamlMapping? m)
    {
        if (m is null)
        {
            return null;
        }

        var credentials = TreeReader.Mapping(m, "credentials");
        var ca = TreeReader.Mapping(m, "ca");
        return new RegistryCredentials(
            TreeReader.String(credentials, "name"),
            TreeReader.String(credentials, "namespace"),
            TreeReader.String(m, "key"),
            TreeReader.String(ca, "name"),
            TreeReader.String(ca, "namespace"),
            TreeReader.Boolean(m, "insecureSkipTLSVerify"),
            TreeReader.Boolean(m, "plainHTTP"));
    }
}
