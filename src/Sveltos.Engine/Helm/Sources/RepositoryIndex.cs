using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Text;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// A chart repository's index.yaml as Helm reads and writes it (pkg/repo IndexFile): apiVersion v1, entries by chart
/// name with versions newest first, a generated timestamp; written with keys in order, as Helm's YAML is.
/// </summary>
public sealed class RepositoryIndex
{
    public const string ApiVersionV1 = "v1";

    private static readonly string[] TextFields = ["name", "version", "appVersion", "kubeVersion", "description", "digest", "created", "home", "icon", "type"];

    private readonly SortedDictionary<string, List<ChartVersionEntry>> _entries = new(StringComparer.Ordinal);
    private readonly JsonObject _extra = [];

    private RepositoryIndex(DateTimeOffset generated) => Generated = generated;

    public DateTimeOffset Generated { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<ChartVersionEntry>> Entries =>
        _entries.ToDictionary(e => e.Key, e => (IReadOnlyList<ChartVersionEntry>)e.Value, StringComparer.Ordinal);

    /// <summary>A new, empty index generated now.</summary>
    public static RepositoryIndex Create() => new(DateTimeOffset.Now);

    /// <summary>Reads an index (YAML or JSON). Entries without a name or version are skipped, as Helm skips them.</summary>
    /// <exception cref="ChartSourceException">The text is empty, not YAML, or has no apiVersion.</exception>
    public static RepositoryIndex Read(string text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(source, "empty index.yaml file");
        }

        var documents = YamlDocumentReader.Read(text);
        if (documents.FirstOrDefault() is { Error: { } error })
        {
            throw Invalid(source, $"line {error.Line}, column {error.Column}: {error.Message}");
        }

        if (documents.FirstOrDefault()?.Root is not YamlMapping root)
        {
            throw Invalid(source, "the index is not a mapping");
        }

        var index = new RepositoryIndex(DateTimeOffset.MinValue);
        foreach (var (key, value) in root.Entries)
        {
            switch (key.Text)
            {
                case "entries" when value is YamlMapping charts:
                    foreach (var (name, versions) in charts.Entries)
                    {
                        var list = versions is YamlSequence items ? items.Items.OfType<YamlMapping>().Select(ReadEntry).Where(e => e.Name.Length > 0 && e.Version.Length > 0) : [];
                        index._entries[name.Text] = list.ToList();
                    }

                    break;
                case "generated" when value is YamlScalar scalar && DateTimeOffset.TryParse(scalar.Text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var generated):
                    index.Generated = generated;
                    break;
                case "serverInfo":
                    break;
                default:
                    index._extra[key.Text] = JsonTreeConverter.ToJson(value);
                    break;
            }
        }

        if (index._extra["apiVersion"]?.ToString() is not { Length: > 0 })
        {
            throw Invalid(source, "no API version specified");
        }

        index.SortEntries();
        return index;
    }

    /// <summary>
    /// Helm's <c>helm repo index</c> of a folder: every <c>*.tgz</c> in it and in its direct subfolders, with the
    /// chart's metadata, the archive's sha256 and a URL relative to the folder (or under <paramref name="baseUrl"/>).
    /// Files that are not charts are skipped.
    /// </summary>
    /// <param name="readMetadata">Chart.yaml of an archive as Helm marshals it to JSON; throws for a non-chart.</param>
    public static RepositoryIndex IndexDirectory(string directory, string? baseUrl, Func<byte[], string, JsonObject> readMetadata)
    {
        var index = Create();
        var archives = Directory.EnumerateFiles(directory, "*.tgz")
            .Concat(Directory.EnumerateDirectories(directory).SelectMany(d => Directory.EnumerateFiles(d, "*.tgz")))
            .Order(StringComparer.Ordinal);
        foreach (var archive in archives)
        {
            var relative = Path.GetRelativePath(directory, archive).Replace('\\', '/');
            var slash = relative.LastIndexOf('/');
            var parent = slash < 0 ? "" : relative[..slash];
            var data = File.ReadAllBytes(archive);
            JsonObject metadata;
            try
            {
                metadata = readMetadata(data, archive);
            }
            catch (SveltosException)
            {
                continue;
            }

            index.Add(metadata, relative[(slash + 1)..], JoinUrl(baseUrl ?? "", parent), DigestOf(data));
        }

        return index;
    }

    /// <summary>The sha256 of an archive, as index digests hold it (lowercase hex).</summary>
    public static string DigestOf(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    /// <summary>Adds a chart version (Helm's MustAdd); the entry's URL is the file name, or the base URL joined with it.</summary>
    public void Add(JsonObject metadata, string fileName, string? baseUrl, string digest)
    {
        var fields = (JsonObject)metadata.DeepClone();
        if (fields["name"]?.ToString() is not { Length: > 0 } name || fields["version"]?.ToString() is not { Length: > 0 })
        {
            throw new ChartSourceException(ChartSourceErrorIds.InvalidIndex, ErrorKind.InvalidData, $"validate failed for {fileName}: the chart has no name or version", fileName);
        }

        fields["apiVersion"] ??= "v1";
        var url = string.IsNullOrEmpty(baseUrl) ? fileName : JoinUrl(baseUrl, fileName[(fileName.LastIndexOf('/') + 1)..]);
        fields["urls"] = new JsonArray(url);
        fields["created"] = Timestamp(DateTimeOffset.Now);
        fields["digest"] = digest;
        if (!_entries.TryGetValue(name, out var versions))
        {
            _entries[name] = versions = [];
        }

        versions.Add(new ChartVersionEntry(fields));
    }

    /// <summary>Whether the index has this exact chart version.</summary>
    public bool Has(string name, string version) =>
        _entries.TryGetValue(name, out var versions) && versions.Any(v => v.Version == version);

    /// <summary>Adds the versions of <paramref name="other"/> that this index lacks (Helm's Merge: existing records win).</summary>
    public void Merge(RepositoryIndex other)
    {
        foreach (var entry in other._entries.Values.SelectMany(v => v))
        {
            if (!Has(entry.Name, entry.Version))
            {
                if (!_entries.TryGetValue(entry.Name, out var versions))
                {
                    _entries[entry.Name] = versions = [];
                }

                versions.Add(entry);
            }
        }
    }

    /// <summary>Orders every chart's versions newest first.</summary>
    public void SortEntries()
    {
        foreach (var name in _entries.Keys.ToList())
        {
            _entries[name] = ChartVersions.Descending(_entries[name], e => e.Version);
        }
    }

    /// <summary>
    /// Helm's pick of a chart version: newest stable for no version, an exact match, else the newest satisfying the
    /// constraint.
    /// </summary>
    /// <exception cref="ChartSourceException">No such chart, no such version, or a bad constraint.</exception>
    public ChartVersionEntry Get(string name, string? version, string repository)
    {
        var shown = RedactedUrl.Of(repository);
        if (!_entries.TryGetValue(name, out var versions) || versions.Count == 0)
        {
            var closest = Spelling.Closest(name, _entries.Keys);
            throw new ChartSourceException(
                ChartSourceErrorIds.ChartNotFound, ErrorKind.ObjectNotFound, $"chart \"{name}\" not found in {shown} repository", shown,
                closest is null ? $"The repository has {(_entries.Count == 0 ? "no charts" : string.Join(", ", _entries.Keys.Take(10)))}." : $"Did you mean '{closest}'?");
        }

        return ChartVersions.Pick(versions, v => v.Version, version)
            ?? throw new ChartSourceException(
                ChartSourceErrorIds.VersionNotFound, ErrorKind.ObjectNotFound,
                $"chart \"{name}\" version \"{version}\" not found in {shown} repository (versions: {ChartVersions.Available(versions.Select(v => v.Version))})", shown,
                "Give a version or constraint that one of the listed versions satisfies.");
    }

    /// <summary>The index as YAML, keys in order, as Helm writes index.yaml.</summary>
    public string Write()
    {
        var root = new JsonObject();
        foreach (var (key, value) in _extra.Where(e => e.Key is not ("entries" or "generated" or "apiVersion")))
        {
            root[key] = value?.DeepClone();
        }

        root["apiVersion"] = _extra["apiVersion"]?.DeepClone() ?? ApiVersionV1;
        root["entries"] = new JsonObject(_entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)new JsonArray(e.Value.Select(v => Sorted(v.Fields)).ToArray()))));
        root["generated"] = Timestamp(Generated == DateTimeOffset.MinValue ? DateTimeOffset.Now : Generated);
        return TemplateYaml.Write(Sorted(root)) + "\n";
    }

    /// <summary>Marks the index as generated now (helm repo index does on every run).</summary>
    public void Touch() => Generated = DateTimeOffset.Now;

    /// <summary>Go's RFC 3339 with nanoseconds, trailing zeros dropped, as Go marshals a time.</summary>
    internal static string Timestamp(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero
            ? time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Helm's urlutil.URLJoin: the base URL's path joined with more segments.</summary>
    internal static string JoinUrl(string baseUrl, string path)
    {
        if (path.Length == 0)
        {
            return baseUrl;
        }

        if (baseUrl.Length == 0)
        {
            return path;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return baseUrl.TrimEnd('/') + "/" + path;
        }

        var builder = new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/" + path.TrimStart('/') };
        return builder.Uri.ToString();
    }

    private static ChartVersionEntry ReadEntry(YamlMapping mapping)
    {
        var fields = JsonTreeConverter.ToJsonObject(mapping);
        foreach (var key in TextFields)
        {
            // sigs.k8s.io/yaml reads these into Go strings, so "version: 1.10" stays 1.10, not the number 1.1.
            if (mapping.Get(key) is YamlScalar { IsNull: false } scalar)
            {
                fields[key] = scalar.Text;
            }
        }

        return new ChartVersionEntry(fields);
    }

    private static JsonNode Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(i => i is null ? null : (JsonNode?)Sorted(i)).ToArray()),
        _ => node!.DeepClone(),
    };

    private static ChartSourceException Invalid(string source, string why) =>
        new(ChartSourceErrorIds.InvalidIndex, ErrorKind.InvalidData, $"error loading {RedactedUrl.Of(source)}: {why}", RedactedUrl.Of(source),
            "Check that the URL is a Helm chart repository (it serves index.yaml).");
}
