using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// The chart of a release as Helm's chart.Chart serialises it: metadata, lock, templates, default values, schema and
/// files. Subcharts are not part of it: Helm keeps them in an unexported field, so a stored release never has them.
/// </summary>
public sealed record ReleaseChart
{
    public ChartMetadata Metadata { get; init; } = new();

    public ChartLock? Lock { get; init; }

    public IReadOnlyList<ChartFile> Templates { get; init; } = [];

    /// <summary>The chart's values; null when the chart has no values.yaml (Helm writes null then, {} for an empty one).</summary>
    public Dictionary<string, object?>? Values { get; init; }

    public byte[]? Schema { get; init; }

    public IReadOnlyList<ChartFile> Files { get; init; } = [];

    /// <summary>Fields of a newer Helm this model does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, object?> UnknownFields { get; init; } = ReleaseJsonReader.NoFields;

    /// <summary>
    /// The part of a loaded chart a release stores. Pass the chart as installed, i.e. after dependency processing
    /// (Helm stores its dependencies' enabled flags and imported values).
    /// </summary>
    public static ReleaseChart From(Chart chart) => new()
    {
        Metadata = chart.Metadata,
        Lock = chart.Lock,
        Templates = chart.Templates,
        Values = chart.Values.Count == 0 && !chart.Raw.Any(f => f.Path == "values.yaml") ? null : chart.Values,
        Schema = chart.Schema,
        Files = chart.Files,
    };
}
