using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// Where a helmCharts entry's chart is, as Sveltos reads the entry: repositoryURL is an HTTP(S) chart repository
/// or an oci:// registry path, and chartName the chart in it, optionally written repositoryName/chart.
/// </summary>
internal static class HelmChartLocator
{
    public static ChartReference Locate(HelmChart chart, string where)
    {
        var name = chart.ChartName;
        var prefix = chart.RepositoryName + "/";
        if (chart.RepositoryName.Length > 0 && name.StartsWith(prefix, StringComparison.Ordinal))
        {
            name = name[prefix.Length..];
        }

        try
        {
            return ChartReference.Parse(name, chart.RepositoryUrl);
        }
        catch (ChartSourceException ex)
        {
            throw new ContentException(ex.ErrorId, $"{where}: {ex.Message}", where, "Give repositoryURL as an http(s):// chart repository or an oci:// registry path, and chartName as the chart in it.");
        }
    }
}
