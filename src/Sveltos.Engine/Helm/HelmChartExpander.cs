using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Helm.Values;

namespace Sveltos.Engine.Helm;

/// <summary>
/// The chart content source: fetches a chart (<see cref="ChartFetcher"/>: one download per chart version for the
/// fetcher's run, verified disk cache), loads it, merges the user's values and renders it as <c>helm template</c>
/// does (<see cref="HelmRenderer"/>, whose caches outlive the run). A version constraint picks among a repository's or
/// registry's versions, and is checked against the one version of a chart on disk or at a URL.
/// </summary>
public sealed class HelmChartExpander(ChartFetcher fetcher, HelmRenderer renderer)
{
    /// <exception cref="HelmException">The chart cannot be loaded or rendered (the message is Helm's, naming chart, file and line).</exception>
    /// <exception cref="ChartSourceException">The chart or version cannot be found or fetched.</exception>
    public async Task<HelmChartExpansion> ExpandAsync(HelmChartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userValues = HelmValues.MergeUserValues(request.Values);
        var version = string.IsNullOrWhiteSpace(request.Version) ? null : request.Version.Trim();
        var picksVersion = request.Chart.Kind is ChartSourceKind.Repository or ChartSourceKind.Oci;
        var constraint = version is null || picksVersion ? null : VersionConstraint.Parse(version);
        var fetched = await fetcher.FetchAsync(request.Chart, picksVersion ? version : null, request.Source, cancellationToken).ConfigureAwait(false);
        var chart = fetched.Archive is { } archive ? ChartLoader.LoadArchive(archive, fetched.Source) : ChartLoader.Load(fetched.FolderPath!);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.UpdateDependencies)
        {
            await ChartDependencyUpdate.AddMissingAsync(chart, fetched, request.Chart, request.Source, fetcher, cancellationToken).ConfigureAwait(false);
        }

        // A chart on disk has one version: it is checked against the constraint rather than the constraint ignored.
        if (constraint is not null && !constraint.IsSatisfiedBy(chart.Metadata.Version))
        {
            throw new ChartSourceException(
                ChartSourceErrorIds.VersionNotFound, ErrorKind.InvalidArgument,
                $"chart \"{chart.Name}\" at {fetched.Source} has version {chart.Metadata.Version}, which does not satisfy \"{constraint}\"", fetched.Source,
                "Give a version the chart has, or leave -Version out for a chart folder, a .tgz or a chart URL.");
        }

        var result = renderer.Render(chart, userValues, request.Render, cancellationToken);
        return new HelmChartExpansion(fetched, chart, result);
    }
}
