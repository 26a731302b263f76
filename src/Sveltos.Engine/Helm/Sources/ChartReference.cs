namespace Sveltos.Engine.Helm.Sources;

/// <summary>Where a chart comes from.</summary>
public enum ChartSourceKind
{
    /// <summary>A chart folder on disk.</summary>
    Folder,

    /// <summary>A packaged chart (<c>.tgz</c>) on disk.</summary>
    Archive,

    /// <summary>A packaged chart at an http(s) URL.</summary>
    Url,

    /// <summary>A chart by name in an HTTP(S) chart repository (its index.yaml).</summary>
    Repository,

    /// <summary>A chart in an OCI registry.</summary>
    Oci,
}

/// <summary>
/// What Expand-HelmChart's -Chart and -RepositoryUrl name: a folder, a <c>.tgz</c>, a chart URL, a repository URL
/// plus a chart name, or <c>oci://registry/path/chart</c> (a repository URL <c>oci://registry/path</c> plus a chart
/// name means the same).
/// </summary>
public sealed record ChartReference(ChartSourceKind Kind, string Location, string? ChartName = null, OciReference? Oci = null)
{
    /// <param name="chart">The chart: a path, a URL, <c>oci://...</c>, or a chart name when a repository is given.</param>
    /// <param name="repositoryUrl">The chart repository (http(s) or oci), or null.</param>
    /// <param name="basePath">Where relative paths start (the caller's current directory).</param>
    /// <exception cref="ChartSourceException">The chart cannot be located from what was given.</exception>
    public static ChartReference Parse(string chart, string? repositoryUrl = null, string? basePath = null)
    {
        if (string.IsNullOrWhiteSpace(chart))
        {
            throw Invalid(chart, "no chart was given");
        }

        if (!string.IsNullOrEmpty(repositoryUrl))
        {
            if (chart.Contains("://", StringComparison.Ordinal))
            {
                throw Invalid(chart, $"give a chart name with the repository {RedactedUrl.Of(repositoryUrl)}, not a URL");
            }

            if (repositoryUrl.StartsWith(OciReference.Scheme, StringComparison.Ordinal))
            {
                return ForOci(repositoryUrl.TrimEnd('/') + "/" + chart.Trim('/'));
            }

            if (!IsHttp(repositoryUrl))
            {
                throw Invalid(repositoryUrl, "a chart repository URL starts with http://, https:// or oci://");
            }

            return new ChartReference(ChartSourceKind.Repository, repositoryUrl, chart);
        }

        if (chart.StartsWith(OciReference.Scheme, StringComparison.Ordinal))
        {
            return ForOci(chart);
        }

        if (IsHttp(chart))
        {
            return new ChartReference(ChartSourceKind.Url, chart);
        }

        var path = Path.GetFullPath(chart, basePath ?? Directory.GetCurrentDirectory());
        if (Directory.Exists(path))
        {
            return new ChartReference(ChartSourceKind.Folder, path);
        }

        if (File.Exists(path))
        {
            return new ChartReference(ChartSourceKind.Archive, path);
        }

        throw new ChartSourceException(
            ChartSourceErrorIds.ChartNotFound, ErrorKind.ObjectNotFound, $"chart '{chart}' not found: no folder or file at {path}", chart,
            "Give a chart folder, a .tgz, oci://registry/path/chart, or a chart name with -RepositoryUrl.");
    }

    public override string ToString() => Kind switch
    {
        ChartSourceKind.Repository => $"{ChartName} in {RedactedUrl.Of(Location)}",
        ChartSourceKind.Url => RedactedUrl.Of(Location),
        _ => Location,
    };

    private static ChartReference ForOci(string text)
    {
        var oci = OciReference.Parse(text);
        return new ChartReference(ChartSourceKind.Oci, oci.ToString(), oci.ChartName, oci);
    }

    private static bool IsHttp(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static ChartSourceException Invalid(string text, string why) =>
        new(ChartSourceErrorIds.InvalidReference, ErrorKind.InvalidArgument, $"invalid chart reference '{RedactedUrl.Of(text)}': {why}", RedactedUrl.Of(text));
}
