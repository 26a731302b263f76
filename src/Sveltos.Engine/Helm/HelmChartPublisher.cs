using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Sources;

namespace Sveltos.Engine.Helm;

/// <summary>
/// <c>helm package</c>, <c>helm repo index</c> and <c>helm push</c>: a chart folder (or an existing .tgz) as a
/// packaged chart, written to a folder, added to a repository folder's index.yaml, or pushed to an OCI registry with
/// Helm's media types, config blob and manifest annotations.
/// </summary>
public static class HelmChartPublisher
{
    private const string IndexFile = "index.yaml";
    private static readonly string[] ImmutableAnnotations = ["org.opencontainers.image.version", "org.opencontainers.image.title"];

    /// <summary>A chart folder packaged as Helm packages it, or a .tgz as it is (checked to be a chart).</summary>
    /// <exception cref="HelmException">Not a valid chart, or a dependency missing from charts/.</exception>
    public static (PackagedChart Package, ChartMetadata Metadata, DateTimeOffset Created) Package(string path)
    {
        if (Directory.Exists(path))
        {
            var packaged = ChartPackager.Package(path);
            return (packaged, ChartLoader.LoadArchive(packaged.Archive, path).Metadata, DateTimeOffset.UtcNow);
        }

        if (!File.Exists(path))
        {
            throw new HelmException(HelmErrorIds.ChartNotFound, ErrorKind.ObjectNotFound, $"no chart folder or .tgz at {path}", path, path,
                recommendedAction: "Give a chart folder (with Chart.yaml) or a packaged chart (.tgz).");
        }

        var archive = File.ReadAllBytes(path);
        var metadata = ChartLoader.LoadArchive(archive, path).Metadata;

        // Helm takes an archive's creation time from the file: it was "created" when it was last written.
        return (new PackagedChart(Path.GetFileName(path), archive), metadata, File.GetLastWriteTimeUtc(path));
    }

    /// <summary>Writes the package to <c>&lt;folder&gt;/&lt;name&gt;-&lt;version&gt;.tgz</c>.</summary>
    public static PublishedChart SaveTo(PackagedChart package, ChartMetadata metadata, string folder)
    {
        var path = WriteArchive(package, metadata, folder);
        return new PublishedChart(metadata.Name, metadata.Version, ChartPublishTarget.Folder, path, RepositoryIndex.DigestOf(package.Archive));
    }

    /// <summary>
    /// Adds the package to a chart repository folder and rewrites its index.yaml as <c>helm repo index --merge</c>
    /// does: every chart archive in the folder indexed afresh, versions the old index had (and the folder no longer
    /// holds) kept, newest first.
    /// </summary>
    /// <param name="baseUrl">The repository's URL, prefixed to the chart URLs (<c>--url</c>); null for relative URLs.</param>
    /// <exception cref="ChartSourceException">The existing index.yaml does not parse.</exception>
    public static PublishedChart AddToRepository(PackagedChart package, ChartMetadata metadata, string folder, string? baseUrl)
    {
        Directory.CreateDirectory(folder);
        var indexPath = Path.Combine(folder, IndexFile);
        var existing = File.Exists(indexPath) ? RepositoryIndex.Read(File.ReadAllText(indexPath), indexPath) : null;
        var path = WriteArchive(package, metadata, folder);
        var index = RepositoryIndex.IndexDirectory(folder, baseUrl, (data, source) => MetadataFields(ChartLoader.LoadArchive(data, source).Metadata));
        if (existing is not null)
        {
            index.Merge(existing);
        }

        index.SortEntries();
        var temporary = $"{indexPath}.{Guid.NewGuid():n}.tmp";
        File.WriteAllText(temporary, index.Write(), new UTF8Encoding(false));
        File.Move(temporary, indexPath, overwrite: true);
        return new PublishedChart(metadata.Name, metadata.Version, ChartPublishTarget.Repository, path, RepositoryIndex.DigestOf(package.Archive));
    }

    /// <summary>Pushes the package to <c>&lt;repository&gt;/&lt;name&gt;:&lt;version&gt;</c> as <c>helm push</c> does.</summary>
    /// <param name="repository">oci://host/path (the chart's name is added, as Helm adds it).</param>
    public static async Task<PublishedChart> PushAsync(
        PackagedChart package, ChartMetadata metadata, DateTimeOffset created, string repository, ChartSourceOptions options, CancellationToken cancellationToken = default)
    {
        var target = OciReference.Parse($"{repository.TrimEnd('/')}/{metadata.Name}");
        if (target.Tag is not null || target.Digest is not null)
        {
            throw new ChartSourceException(ChartSourceErrorIds.InvalidReference, ErrorKind.InvalidArgument,
                $"push to {RedactedUrl.Of(repository)}: give the repository without a tag or digest (the chart's version is the tag)", RedactedUrl.Of(repository));
        }

        target = target.WithTag(metadata.Version);
        using var client = new OciRegistryClient(options);
        var config = Encoding.UTF8.GetBytes(ChartFileWriter.ChartJson(metadata));
        var pushed = await client.PushChartAsync(target, package.Archive, config, Annotations(metadata, created), cancellationToken).ConfigureAwait(false);
        return new PublishedChart(metadata.Name, metadata.Version, ChartPublishTarget.Registry, pushed.Reference, pushed.ChartDigest["sha256:".Length..], pushed.ManifestDigest);
    }

    /// <summary>Helm's manifest annotations: the OCI image ones from Chart.yaml, then the chart's own (never replacing title or version).</summary>
    internal static Dictionary<string, string> Annotations(ChartMetadata metadata, DateTimeOffset created)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string value)
        {
            if (value.Trim().Length > 0)
            {
                annotations[key] = EscapeNonAscii(value);
            }
        }

        Add("org.opencontainers.image.description", metadata.Description);
        Add("org.opencontainers.image.title", metadata.Name);
        Add("org.opencontainers.image.version", metadata.Version);
        Add("org.opencontainers.image.url", metadata.Home);
        Add("org.opencontainers.image.created", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        if (metadata.Sources.Count > 0)
        {
            Add("org.opencontainers.image.source", metadata.Sources[0]);
        }

        if (metadata.Maintainers.Count > 0)
        {
            Add("org.opencontainers.image.authors", string.Join(", ", metadata.Maintainers.Select(m => m.Name + (m.Email.Length > 0 ? $" ({m.Email})" : ""))));
        }

        foreach (var (key, value) in metadata.Annotations.Where(a => !ImmutableAnnotations.Contains(a.Key)))
        {
            annotations[key] = EscapeNonAscii(value);
        }

        return annotations;
    }

    /// <summary>Non-ASCII characters as \uXXXX (UTF-16 units), as Helm writes annotation values for strict registries.</summary>
    private static string EscapeNonAscii(string value)
    {
        if (value.All(char.IsAscii))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            escaped.Append(char.IsAscii(c) ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return escaped.ToString();
    }

    private static JsonObject MetadataFields(ChartMetadata metadata) => (JsonObject)JsonNode.Parse(ChartFileWriter.ChartJson(metadata))!;

    private static string WriteArchive(PackagedChart package, ChartMetadata metadata, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{metadata.Name}-{metadata.Version}.tgz");
        var temporary = $"{path}.{Guid.NewGuid():n}.tmp";
        File.WriteAllBytes(temporary, package.Archive);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
