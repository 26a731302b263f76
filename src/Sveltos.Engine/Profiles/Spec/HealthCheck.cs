using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// A check run in the managed cluster (validateHealths, preDeployChecks, preDeleteChecks, postDeleteChecks):
/// the resources to fetch and a Lua <see cref="Script"/> judging them. <see cref="FeatureId"/> is Resources, Helm or Kustomize.
/// </summary>
public sealed record HealthCheck(
    string Name,
    string FeatureId,
    string? Group,
    string? Version,
    string Kind,
    string? Namespace,
    IReadOnlyList<LabelFilter> LabelFilters,
    string? Script)
{
    internal static HealthCheck Read(YamlMapping m) => new(
        TreeReader.String(m, "name") ?? "",
        TreeReader.String(m, "featureID") ?? "",
        TreeReader.String(m, "group"),
        TreeReader.String(m, "version"),
        TreeReader.String(m, "kind") ?? "",
        TreeReader.String(m, "namespace"),
        TreeReader.List(m, "labelFilters", LabelFilter.Read),
        TreeReader.String(m, "script"));
}

/// <summary>A label condition of a health check: <see cref="Operation"/> is Equal or Different.</summary>
public sealed record LabelFilter(string Key, string Operation, string? Value)
{
    internal static LabelFilter Read(YamlMapping m) => new(
        TreeReader.String(m, "key") ?? "",
        TreeReader.String(m, "operation") ?? "",
        TreeReader.String(m, "value"));
}
