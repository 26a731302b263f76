using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Helm.Values;

namespace Sveltos.Engine.Helm;

/// <summary>
/// One <c>helm template</c>: which chart (a folder, a .tgz, a chart URL, a repository chart or oci://), which
/// version, how to reach it, the user's values and the render flags.
/// </summary>
public sealed record HelmChartRequest(ChartReference Chart)
{
    /// <summary>A version or Helm constraint (<c>1.2.3</c>, <c>~1.2</c>, <c>^1</c>, <c>&gt;=1.2 &lt;2</c>); null or empty for the latest stable.</summary>
    public string? Version { get; init; }

    public ChartSourceOptions Source { get; init; } = ChartSourceOptions.None;

    public HelmUserValues Values { get; init; } = new();

    public HelmRenderOptions Render { get; init; } = new();

    /// <summary>--dependency-update: dependencies missing from charts/ are fetched from their repositories first.</summary>
    public bool UpdateDependencies { get; init; }
}
