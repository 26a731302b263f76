namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// A located chart: an archive's bytes (with their sha256) or, for a chart folder, its path. <see cref="Version"/> is
/// the version picked from a repository index or registry tags (null for a folder, a file or a URL).
/// </summary>
public sealed record FetchedChart(ChartReference Reference, string? Version, byte[]? Archive, string? FolderPath, string? Digest)
{
    /// <summary>Where the chart came from, for messages (no credentials).</summary>
    public string Source => Reference.Kind == ChartSourceKind.Oci && Version is not null && Reference.Oci is { } oci
        ? oci.WithTag(Version).ToString()
        : Reference.ToString();
}
