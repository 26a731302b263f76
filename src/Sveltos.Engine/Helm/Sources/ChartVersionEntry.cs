using System.Text.Json.Nodes;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// One chart version of a repository index: the chart's Chart.yaml fields plus <c>urls</c>, <c>created</c> and
/// <c>digest</c> (Helm's ChartVersion). <see cref="Fields"/> keeps every field, so an index is written back whole.
/// </summary>
public sealed class ChartVersionEntry
{
    internal ChartVersionEntry(JsonObject fields) => Fields = fields;

    internal JsonObject Fields { get; }

    public string Name => Text("name");

    public string Version => Text("version");

    public string Digest => Text("digest");

    public string Created => Text("created");

    public IReadOnlyList<string> Urls =>
        Fields["urls"] is JsonArray urls ? urls.Select(u => u?.ToString() ?? "").Where(u => u.Length > 0).ToList() : [];

    private string Text(string key) => Fields[key]?.ToString() ?? "";
}
