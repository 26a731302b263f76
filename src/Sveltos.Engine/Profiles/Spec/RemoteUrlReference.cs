using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// policyRefs[].remoteURL and kustomizationRefs[].remoteURL: content fetched from an http(s) URL (a YAML/JSON file or a
/// tarball) or an oci:// artifact, re-fetched no more often than <see cref="Interval"/>. The Secret (in the profile's
/// reference namespace) holds token, or username and password, and optionally caFile.
/// </summary>
public sealed record RemoteUrlReference(string Url, string? Interval, string? SecretName, string? SecretNamespace, bool PlainHttp, bool InsecureSkipTlsVerify)
{
    internal static RemoteUrlReference? Read(YamlMapping? m) => m is null ? null : new(
        TreeReader.String(m, "url") ?? "",
        TreeReader.String(m, "interval"),
        TreeReader.String(TreeReader.Mapping(m, "secretRef"), "name"),
        TreeReader.String(TreeReader.Mapping(m, "secretRef"), "namespace"),
        TreeReader.Boolean(m, "plainHTTP"),
        TreeReader.Boolean(m, "insecureSkipTLSVerify"));
}
