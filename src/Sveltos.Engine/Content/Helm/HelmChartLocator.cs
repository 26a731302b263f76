using Sveltos.Engine.Content.Sources;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// Where a helmCharts entry's chart is, as Sveltos reads the entry: repositoryURL is an HTTP(S) chart repository
/// or an oci:// registry path, and chartName the chart in it, optionally written repositoryName/chart; or a Flux
/// source, <c>gitrepository://</c>, <c>ocirepository://</c> or <c>bucket://</c> followed by namespace/name/path,
/// whose files (<see cref="ContentSources"/>) hold the chart folder at path.
/// </summary>
internal static class HelmChartLocator
{
    private static readonly Dictionary<string, string> FluxSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gitrepository://"] = FluxSource.GitRepository,
        ["ocirepository://"] = FluxSource.OciRepository,
        ["bucket://"] = FluxSource.Bucket,
    };

    /// <returns>The chart, and for a Flux source the revision it was read at.</returns>
    public static async Task<(ChartReference Chart, SourceVersion? Version)> LocateAsync(ContentRequest request, HelmChart chart, string where, CancellationToken cancellationToken)
    {
        if (FluxSchemes.FirstOrDefault(s => chart.RepositoryUrl.StartsWith(s.Key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } flux)
        {
            var parts = chart.RepositoryUrl[flux.Key.Length..].Split('/', 3);
            if (parts.Length < 3 || parts.Any(p => p.Length == 0))
            {
                throw new ContentException(
                    "HelmChartSourceInvalid",
                    $"{where}: repositoryURL '{chart.RepositoryUrl}' does not name a Flux source and a path.",
                    where,
                    $"Write it {flux.Key}<namespace>/<name>/<path to the chart folder>.");
            }

            var reference = new SourceReference(flux.Value, parts[0], parts[1], Optional: false, $"{where} ({flux.Value} {parts[0]}/{parts[1]} path {parts[2]})");
            var fetched = (await ContentSources.FetchAsync(request, reference, cancellationToken).ConfigureAwait(false))!;
            var folder = fetched.Folder(parts[2], reference.Where, where);
            return (new ChartReference(ChartSourceKind.Folder, folder), new SourceVersion(flux.Value, parts[0], parts[1], fetched.Revision));
        }

        return (Locate(chart, where), null);
    }

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
            throw new ContentException(ex.ErrorId, $"{where}: {ex.Message}", where, "Give repositoryURL as an http(s):// chart repository or an oci:// registry path, and chartName as the chart in it; or a Flux source as gitrepository://<namespace>/<name>/<path>.");
        }
    }
}
