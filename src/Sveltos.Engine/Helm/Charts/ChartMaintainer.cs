namespace Sveltos.Engine.Helm.Charts;

/// <summary>A maintainer entry of Chart.yaml.</summary>
public sealed record ChartMaintainer(string Name, string Email, string Url);
