namespace Sveltos.Engine.Helm.Charts;

/// <summary>One file of a chart: its path relative to the chart root with '/' separators, and its bytes (a UTF-8 BOM removed, as Helm's loader does).</summary>
public sealed record ChartFile(string Path, byte[] Data);
