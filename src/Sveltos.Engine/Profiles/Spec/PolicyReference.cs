using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// spec.policyRefs[]: a ConfigMap, Secret or Flux source holding resources to deploy, or a remoteURL. An empty namespace
/// means the matching cluster's namespace (ClusterProfile) or the profile's namespace (Profile).
/// </summary>
public sealed record PolicyReference(string Kind, string? Namespace, string Name, string? Path, DeploymentType DeploymentType, bool Optional)
{
    public RemoteUrlReference? RemoteUrl { get; init; }

    internal static PolicyReference Read(YamlMapping m) => new(
        TreeReader.String(m, "kind") ?? "",
        TreeReader.String(m, "namespace"),
        TreeReader.String(m, "name") ?? "",
        TreeReader.String(m, "path"),
        TreeReader.Enum(m, "deploymentType", DeploymentType.Remote),
        TreeReader.Boolean(m, "optional"))
    {
        RemoteUrl = RemoteUrlReference.Read(TreeReader.Mapping(m, "remoteURL")),
    };
}
