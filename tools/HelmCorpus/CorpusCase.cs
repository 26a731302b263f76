using System.Text.Json;

namespace Sveltos.HelmCorpus;

/// <summary>One entry of the corpus's cases.json: a <c>helm template</c> command and the golden it printed.</summary>
internal sealed record CorpusCase(
    string Name,
    string? Chart,
    string? ChartOverlay,
    IReadOnlyList<string> Args,
    string Expected,
    string? DerivedExpected,
    bool ExpectsError,
    string ExpectedStatus,
    bool ChartComplete,
    IReadOnlyList<string> Missing,
    string? ExpectedTree = null,
    string? TreeLayout = null,
    string? KubeVersion = null)
{
    /// <summary>A golden stored only from an older Helm or chart, with no fixed-up copy: not a measure of Helm 3.21.</summary>
    public bool GoldenIsStale => DerivedExpected is null && ExpectedStatus.StartsWith("stale", StringComparison.Ordinal);

    /// <summary>The golden was post-processed by the chart's Makefile (sed stripping trailing blanks from each line).</summary>
    public bool GoldenStripsTrailingBlanks => ExpectedStatus.Contains("trailing blanks stripped", StringComparison.Ordinal);

    /// <summary>The cases of cases.json, then those of every cases.d/*.json (one file per source), in name order.</summary>
    public static List<CorpusCase> LoadAll(string corpusRoot)
    {
        var files = new List<string> { Path.Combine(corpusRoot, "cases.json") };
        var more = Path.Combine(corpusRoot, "cases.d");
        if (Directory.Exists(more))
        {
            files.AddRange(Directory.EnumerateFiles(more, "*.json").Order(StringComparer.Ordinal));
        }

        return files.Where(File.Exists).SelectMany(file => Load(file)).ToList();
    }

    private static List<CorpusCase> Load(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.EnumerateArray().Select(Read).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }
    }

    private static CorpusCase Read(JsonElement e) => new(
        e.GetProperty("name").GetString()!,
        Text(e, "chart"),
        Text(e, "chartOverlay"),
        e.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList(),
        e.GetProperty("expected").GetString()!,
        Text(e, "derivedExpected"),
        e.GetProperty("expectsError").GetBoolean(),
        Text(e, "expectedStatus") ?? "",
        !e.TryGetProperty("chartComplete", out var complete) || complete.GetBoolean(),
        e.TryGetProperty("missing", out var missing) ? missing.EnumerateArray().Select(m => m.GetString()!).ToList() : [],
        Text(e, "expectedTree"),
        Text(e, "treeLayout"),
        Text(e, "kubeVersion"));

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
