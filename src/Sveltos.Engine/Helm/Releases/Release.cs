namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// A revision of a Helm release, as Helm 3's release.Release: what was installed (the chart and the user's values),
/// what it rendered to, its hooks and where it stands. <see cref="Labels"/> are the user's labels of the release
/// Secret, which Helm keeps out of the JSON.
/// </summary>
public sealed record Release
{
    public string Name { get; init; } = "";

    public ReleaseInfo Info { get; init; } = new();

    /// <summary>The chart installed; null only in a release written without one.</summary>
    public ReleaseChart? Chart { get; init; }

    /// <summary>The values the user supplied (not the chart's defaults), in the engine's value model.</summary>
    public Dictionary<string, object?> Config { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The rendered manifests, hooks excluded.</summary>
    public string Manifest { get; init; } = "";

    public IReadOnlyList<ReleaseHook> Hooks { get; init; } = [];

    /// <summary>The revision, from 1.</summary>
    public int Version { get; init; }

    public string Namespace { get; init; } = "";

    /// <summary>Custom labels of the release Secret (Helm 3.13+ --labels), without Helm's own.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Fields of a newer Helm this model does not know, kept as read and written back after the known ones.</summary>
    public IReadOnlyDictionary<string, object?> UnknownFields { get; init; } = ReleaseJsonReader.NoFields;
}
