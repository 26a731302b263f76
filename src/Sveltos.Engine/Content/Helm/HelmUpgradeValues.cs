using Sveltos.Engine.Helm.Values;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// How an upgrade combines the new values with the deployed revision's, per upgradeOptions: resetValues (the new
/// values alone, what a sync does by default), resetThenReuseValues (the deployed values under the new ones, over the
/// new chart's defaults), reuseValues (the same, and the deployed revision's values as the chart's defaults).
/// </summary>
internal static class HelmUpgradeValues
{
    public sealed record Prepared(List<HelmValuesFrom.ValuesText> Values, HelmReleaseContent Release, IReadOnlyDictionary<string, object?>? ChartValues);

    public static Prepared For(HelmChart chart, List<HelmValuesFrom.ValuesText> values, HelmReleaseHistory history, string where)
    {
        var release = new HelmReleaseContent(chart, values, history, where);
        if (release.DeployedConfig is not { } previous || chart.Options?.ResetValues == true)
        {
            return new Prepared(values, release, null);
        }

        var fromSecret = values.Any(v => v.FromSecret);
        if (chart.Options?.ReuseValues == true)
        {
            var (chartValues, merged) = HelmValues.ReuseValues(release.DeployedChartValues, previous, release.Config);
            List<HelmValuesFrom.ValuesText> reused = [new(Json(merged), $"{where} values reused from revision {release.DeployedVersion}", fromSecret)];
            return new Prepared(reused, new HelmReleaseContent(chart, reused, history, where) { StoredChartValues = chartValues }, chartValues);
        }

        if (chart.Options?.ResetThenReuseValues == true && previous.Count > 0)
        {
            List<HelmValuesFrom.ValuesText> layered = [new(Json(previous), $"{where} values of revision {release.DeployedVersion}", fromSecret), .. values];
            return new Prepared(layered, new HelmReleaseContent(chart, layered, history, where), null);
        }

        return new Prepared(values, release, null);
    }

    private static string Json(IReadOnlyDictionary<string, object?> values) => GoValues.ToJson(values)!.ToJsonString();
}
