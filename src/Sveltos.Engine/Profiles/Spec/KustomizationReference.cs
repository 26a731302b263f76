using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>spec.kustomizationRefs[]: a source (ConfigMap/Secret tarball, Flux source, remoteURL) whose kustomization output is deployed.</summary>
public sealed record KustomizationReference(
    string Kind,
    string? Namespace,
    string Name,
    string? Path,
    string? TargetNamespace,
    DeploymentType DeploymentType,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<ValuesFromReference> ValuesFrom,
    bool Optional)
{
    public IReadOnlyList<string> Components { get; init; } = [];

    public RemoteUrlReference? RemoteUrl { get; init; }

    internal static KustomizationReference Read(YamlMapping m) => new(
        TreeReader.String(m, "kind") ?? "",
        TreeReader.String(m, "namespace"),
        TreeReader.String(m, "name") ?? "",
        TreeReader.String(m, "path"),
        TreeReader.String(m, "targetNamespace"),
        TreeReader.Enum(m, "deploymentType", DeploymentType.Remote),
        TreeReader.StringMap(m, "values"),
        TreeReader.List(m, "valuesFrom", ValuesFromReference.Read),
        TreeReader.Boolean(m, "optional"))
    {
        Components = TreeReader.Strings(m, "components"),
        RemoteUrl = RemoteUrlReference.Read(TreeReader.Mapping(m, "remoteURL")),
    };
}
