using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// helmCharts[].registryCredentialsConfig as Sveltos reads it: the credentials Secret (username and password keys,
/// or a docker config JSON — what kubectl create secret docker-registry writes — whose entry for the chart's host is
/// used), the CA Secret (ca.crt), insecureSkipTLSVerify and plainHTTP. Secrets are read from the fleet, in the
/// cluster's namespace unless one is named; nothing of them ever appears in a message.
/// </summary>
internal static class HelmRegistryAccess
{
    private static readonly string[] DockerConfigKeys = [".dockerconfigjson", "config.json", ".dockercfg"];

    public static async Task<(ChartSourceOptions Options, IReadOnlyList<SourceVersion> Versions)> OptionsAsync(ContentRequest request, HelmChart chart, string where, CancellationToken cancellationToken)
    {
        if (chart.RegistryCredentials is not { } config)
        {
            return (ChartSourceOptions.None, []);
        }

        var versions = new List<SourceVersion>();
        string? username = null, password = null, caFile = null;
        if (config.CredentialsSecretName is { Length: > 0 } credentialsName)
        {
            var secret = await SecretAsync(request, credentialsName, config.CredentialsSecretNamespace, $"{where} registryCredentialsConfig.credentials", versions, cancellationToken).ConfigureAwait(false);
            (username, password) = Credentials(SecretData.Decode(secret), config.Key, Host(chart.RepositoryUrl), $"{where} registryCredentialsConfig.credentials (Secret {KubeObject.Namespace(secret)}/{KubeObject.Name(secret)})");
        }

        if (config.CaSecretName is { Length: > 0 } caName)
        {
            var secret = await SecretAsync(request, caName, config.CaSecretNamespace, $"{where} registryCredentialsConfig.ca", versions, cancellationToken).ConfigureAwait(false);
            var data = SecretData.Decode(secret);
            if (!data.TryGetValue("ca.crt", out var pem) || pem.Length == 0)
            {
                throw new ContentException("HelmRegistryCaMissing", $"{where} registryCredentialsConfig.ca: Secret {KubeObject.Namespace(secret)}/{KubeObject.Name(secret)} has no ca.crt key.", where, "Put the PEM certificate(s) of the registry's certificate authority under the key ca.crt.");
            }

            caFile = CaFile(pem);
        }

        return (new ChartSourceOptions { Username = username, Password = password, CaFile = caFile, InsecureSkipTlsVerify = config.InsecureSkipTlsVerify, PlainHttp = config.PlainHttp }, versions);
    }

    private static async Task<JsonObject> SecretAsync(ContentRequest request, string name, string? @namespace, string where, List<SourceVersion> versions, CancellationToken cancellationToken)
    {
        var ns = string.IsNullOrEmpty(@namespace) ? request.ReferenceNamespace : @namespace;
        var secret = await request.Fleet.GetObjectAsync("v1", "Secret", ns, name, cancellationToken).ConfigureAwait(false)
            ?? throw new ContentException("ContentSourceNotFound", $"{where}: Secret {ns}/{name} does not exist in {request.Fleet.Description}.", where, "Create the Secret or correct the reference. Nothing was deployed or removed for this cluster.");
        versions.Add(new SourceVersion("Secret", ns, name, KubeObject.ResourceVersion(secret)));
        return secret;
    }

    private static (string? Username, string? Password) Credentials(IReadOnlyDictionary<string, string> data, string? key, string host, string where)
    {
        if (string.IsNullOrEmpty(key) && data.TryGetValue("username", out var user) && data.TryGetValue("password", out var pass))
        {
            return (user, pass);
        }

        var configKey = !string.IsNullOrEmpty(key) ? key : DockerConfigKeys.FirstOrDefault(data.ContainsKey) ?? (data.Count == 1 ? data.Keys.Single() : null);
        if (configKey is null || !data.TryGetValue(configKey, out var json))
        {
            throw new ContentException("HelmRegistryCredentialsMissing", $"{where}: the Secret has neither username and password keys nor a docker config{(string.IsNullOrEmpty(key) ? "" : $" under key '{key}'")}.", where,
                "Create it with kubectl create secret docker-registry, or with username and password keys.");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var auths = document.RootElement.TryGetProperty("auths", out var nested) ? nested : document.RootElement;
            foreach (var entry in auths.EnumerateObject())
            {
                if (Host(entry.Name) != host)
                {
                    continue;
                }

                if (entry.Value.TryGetProperty("username", out var u) && entry.Value.TryGetProperty("password", out var p))
                {
                    return (u.GetString(), p.GetString());
                }

                if (entry.Value.TryGetProperty("auth", out var auth) && Encoding.UTF8.GetString(Convert.FromBase64String(auth.GetString() ?? "")).Split(':', 2) is [var name, var secret])
                {
                    return (name, secret);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new ContentException("HelmRegistryCredentialsInvalid", $"{where}: key '{configKey}' is not a docker config JSON ({Redaction.SecretText.Withheld}).", where, "Create it with kubectl create secret docker-registry.");
        }

        throw new ContentException("HelmRegistryCredentialsMissing", $"{where}: the docker config has no entry for {host}.", where, $"Add credentials for {host} to the Secret.");
    }

    /// <summary>The host (and port) of a registry or repository URL, or of a docker config key (which may be a bare host).</summary>
    private static string Host(string url)
    {
        var text = url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.Authority : url;
    }

    /// <summary>The CA's PEM in a file named by its digest (a certificate is not a secret; the TLS setup needs a path).</summary>
    private static string CaFile(string pem)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sveltos-registry-ca");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(pem))).ToLowerInvariant() + ".pem");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, pem);
        }

        return path;
    }
}
