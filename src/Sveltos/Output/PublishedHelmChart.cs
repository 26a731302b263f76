namespace Sveltos;

/// <summary>A chart Publish-HelmChart packaged, added to a repository or pushed to a registry.</summary>
public sealed class PublishedHelmChart
{
    internal PublishedHelmChart(string name, string version, string target, string location, string digest, string? manifestDigest)
    {
        Name = name;
        Version = version;
        Target = target;
        Location = location;
        Digest = digest;
        ManifestDigest = manifestDigest;
    }

    public string Name { get; }

    public string Version { get; }

    /// <summary>Folder (a packaged .tgz), Repository (added to index.yaml) or Registry (pushed to oci://).</summary>
    public string Target { get; }

    /// <summary>The .tgz written, or the oci:// reference pushed.</summary>
    public string Location { get; }

    /// <summary>The archive's sha256 (hex), as index.yaml and the registry's chart layer hold it.</summary>
    public string Digest { get; }

    /// <summary>The pushed manifest's digest (sha256:...), what `helm push` prints; empty unless pushed.</summary>
    public string? ManifestDigest { get; }

    public override string ToString() => Location;
}
