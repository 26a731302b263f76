namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// A dependency of Chart.yaml (apiVersion v2) or requirements.yaml (v1), or a locked one of Chart.lock.
/// <see cref="Enabled"/> is what dependency processing decided (conditions, tags); it is set on the copy of the chart
/// a render works on, never on a loaded chart.
/// </summary>
public sealed record ChartDependency
{
    public string Name { get; init; } = "";

    public string Version { get; init; } = "";

    public string Repository { get; init; } = "";

    public string Condition { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool Enabled { get; set; }

    /// <summary>Each item a string (the child's exports.&lt;name&gt; / a path) or a mapping with child and parent.</summary>
    public IReadOnlyList<object?> ImportValues { get; init; } = [];

    public string Alias { get; init; } = "";

    /// <summary>The line of this dependency in its file, for errors.</summary>
    public int Line { get; init; }

    public ChartDependency Copy() => this with { };

    internal static ChartDependency Read(ChartYamlFields fields) => new()
    {
        Name = Sanitize(fields.String("name") ?? ""),
        Version = Sanitize(fields.String("version") ?? ""),
        Repository = Sanitize(fields.String("repository") ?? ""),
        Condition = Sanitize(fields.String("condition") ?? ""),
        Tags = fields.Strings("tags").Select(Sanitize).ToList(),
        Enabled = fields.Bool("enabled"),
        ImportValues = fields.Values("import-values"),
        Alias = fields.String("alias") ?? "",
        Line = fields.Line,
    };

    internal static string Sanitize(string text) => ChartMetadata.Sanitize(text);
}
