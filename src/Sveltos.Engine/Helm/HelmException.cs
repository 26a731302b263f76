namespace Sveltos.Engine.Helm;

/// <summary>
/// An error of the Helm chart engine. Besides the file and line every <see cref="SveltosException"/> can carry, it
/// names the chart (its path from the root chart, e.g. <c>parent/charts/child</c>) so a user of a chart with many
/// subcharts knows where to look.
/// </summary>
public sealed class HelmException : SveltosException
{
    public HelmException(string errorId, ErrorKind kind, string message, string? chart = null, string? file = null, int? line = null, string? recommendedAction = null, Exception? inner = null)
        : base(errorId, kind, message, target: chart ?? file, recommendedAction: recommendedAction, inner: inner)
    {
        Chart = chart;
        SourceFile = file;
        SourceLine = line;
    }

    /// <summary>The chart the error is about; null when it is not about one chart (a --set value).</summary>
    public string? Chart { get; }
}

/// <summary>The stable error ids of the Helm engine (PowerShell ErrorIds).</summary>
public static class HelmErrorIds
{
    /// <summary>A chart folder or archive that is not a valid chart (Chart.yaml, layout, archive safety).</summary>
    public const string ChartInvalid = "HelmChartInvalid";

    /// <summary>No chart at the given path.</summary>
    public const string ChartNotFound = "HelmChartNotFound";

    /// <summary>A chart or one of its files is larger than Helm allows.</summary>
    public const string ChartTooLarge = "HelmChartTooLarge";

    /// <summary>A values file (values.yaml, -ValuesFile) that does not parse.</summary>
    public const string ValuesInvalid = "HelmValuesInvalid";

    /// <summary>A -Set / -SetString expression that does not follow Helm's --set grammar.</summary>
    public const string SetInvalid = "HelmSetInvalid";

    /// <summary>Values that violate a chart's values.schema.json, or a schema that cannot be read.</summary>
    public const string SchemaViolation = "HelmValuesSchemaViolation";

    /// <summary>A dependency declared in Chart.yaml that cannot be processed (missing chart, bad import-values).</summary>
    public const string DependencyInvalid = "HelmDependencyInvalid";

    /// <summary>A chart folder that cannot be packaged.</summary>
    public const string PackageFailed = "HelmPackageFailed";
}
