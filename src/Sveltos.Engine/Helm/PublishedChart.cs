namespace Sveltos.Engine.Helm;

/// <summary>Where a chart was published to.</summary>
public enum ChartPublishTarget
{
    /// <summary>A packaged chart written to a folder (<c>helm package -d</c>).</summary>
    Folder,

    /// <summary>A packaged chart added to a chart repository folder, its index.yaml updated (<c>helm repo index</c>).</summary>
    Repository,

    /// <summary>A chart pushed to an OCI registry (<c>helm push</c>).</summary>
    Registry,
}

/// <summary>
/// A published chart: name, version, where it went (a file path or the pushed oci:// reference), the archive's
/// sha256 and, for a registry, the manifest digest Helm prints.
/// </summary>
public sealed record PublishedChart(string Name, string Version, ChartPublishTarget Target, string Location, string Digest, string? ManifestDigest = null);
