using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Sources;

namespace Sveltos.Engine.Helm;

/// <summary>
/// helm's --dependency-update for a loaded chart: each dependency Chart.yaml declares that charts/ lacks is fetched
/// from its repository (an http(s) chart repository, an oci:// registry, or file:// beside a chart folder) at a version
/// its constraint allows, and added as a subchart. Credentials go only to the chart's own host.
/// </summary>
internal static class ChartDependencyUpdate
{
    public static async Task AddMissingAsync(Chart chart, FetchedChart fetched, ChartReference requested, ChartSourceOptions access, ChartFetcher fetcher, CancellationToken cancellationToken)
    {
        var present = chart.Dependencies.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var dependency in chart.Metadata.Dependencies.Where(d => !present.Contains(d.Name)).DistinctBy(d => d.Name))
        {
            var (reference, version) = Locate(chart, dependency, fetched);
            var credentials = SameHost(dependency.Repository, requested.Location) ? access : new ChartSourceOptions { PlainHttp = access.PlainHttp, InsecureSkipTlsVerify = access.InsecureSkipTlsVerify };
            var got = await fetcher.FetchAsync(reference, version, credentials, cancellationToken).ConfigureAwait(false);
            var loaded = got.Archive is { } archive ? ChartLoader.LoadArchive(archive, got.Source) : ChartLoader.Load(got.FolderPath!);
            chart.AddDependency(loaded);
            present.Add(dependency.Name);
        }
    }

    private static (ChartReference Reference, string? Version) Locate(Chart chart, ChartDependency dependency, FetchedChart fetched)
    {
        var repository = dependency.Repository;
        if (repository.StartsWith("file://", StringComparison.Ordinal))
        {
            if (fetched.FolderPath is null)
            {
                throw Unresolvable(chart, dependency, "a file:// repository is relative to a chart folder, and this chart is an archive");
            }

            return (ChartReference.Parse(Path.GetFullPath(Path.Combine(fetched.FolderPath, repository["file://".Length..]))), null);
        }

        if (repository.StartsWith("http://", StringComparison.Ordinal) || repository.StartsWith("https://", StringComparison.Ordinal) || repository.StartsWith("oci://", StringComparison.Ordinal))
        {
            return (ChartReference.Parse(dependency.Name, repository), string.IsNullOrWhiteSpace(dependency.Version) ? null : dependency.Version);
        }

        throw Unresolvable(chart, dependency, repository.Length == 0
            ? "it names no repository"
            : $"repository '{repository}' names a repository of helm's own configuration, which the module does not read");
    }

    private static HelmException Unresolvable(Chart chart, ChartDependency dependency, string why) => new(
        "ChartDependencyUnresolvable",
        ErrorKind.InvalidData,
        $"chart '{chart.Name}': dependency '{dependency.Name}' is missing in charts/ and cannot be fetched: {why}",
        chart.Name,
        "Chart.yaml",
        dependency.Line,
        "Give the dependency's repository as an http(s):// or oci:// URL, or package the chart with its dependencies (helm dependency build).");

    private static bool SameHost(string repository, string chartLocation) =>
        Uri.TryCreate(repository, UriKind.Absolute, out var a) && Uri.TryCreate(chartLocation, UriKind.Absolute, out var b)
        && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);
}
