namespace Sveltos.Engine.Helm.Charts;

/// <summary>A file of a chart's crds/ folder: its name in the chart, its path from the root chart (e.g. <c>parent/charts/sub/crds/a.yaml</c>), the file.</summary>
public sealed record ChartCrd(string Name, string Filename, ChartFile File);
