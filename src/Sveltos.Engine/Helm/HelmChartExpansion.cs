using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Sources;

namespace Sveltos.Engine.Helm;

/// <summary>A rendered chart: where it came from (and the version picked), the chart as loaded, and what Helm would print.</summary>
public sealed record HelmChartExpansion(FetchedChart Source, Chart Chart, HelmRenderResult Result);
