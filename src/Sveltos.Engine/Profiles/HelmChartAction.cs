namespace Sveltos.Engine.Profiles;

/// <summary>What to do with a Helm chart (helmCharts[].helmChartAction).</summary>
public enum HelmChartAction
{
    /// <summary>Install or upgrade the release (the default).</summary>
    Install,

    /// <summary>Remove the release.</summary>
    Uninstall,
}
