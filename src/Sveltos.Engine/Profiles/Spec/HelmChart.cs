using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>spec.helmCharts[]: a chart release to install or uninstall. <see cref="Values"/> is YAML text (may be a template).</summary>
public sealed record HelmChart(
    string RepositoryUrl,
    string RepositoryName,
    string ChartName,
    string ChartVersion,
    string ReleaseName,
    string ReleaseNamespace,
    string? Values,
    IReadOnlyList<ValuesFromReference> ValuesFrom,
    HelmChartAction Action,
    HelmOptions? Options,
    RegistryCredentials? RegistryCredentials)
{
    internal static HelmChart Read(YamlMapping m) => new(
        TreeReader.String(m, "repositoryURL") ?? "",
        TreeReader.String(m, "repositoryName") ?? "",
        TreeReader.String(m, "chartName") ?? "",
        TreeReader.String(m, "chartVersion") ?? "",
        TreeReader.String(m, "releaseName") ?? "",
        TreeReader.String(m, "releaseNamespace") ?? "",
        TreeReader.String(m, "values"),
        TreeReader.List(m, "valuesFrom", ValuesFromReference.Read),
        TreeReader.Enum(m, "helmChartAction", HelmChartAction.Install),
        HelmOptions.ReadOptional(TreeReader.Mapping(m, "options")),
        RegistryCredentials.ReadOptional(TreeReader.Mapping(m, "registryCredentialsConfig")));
}
