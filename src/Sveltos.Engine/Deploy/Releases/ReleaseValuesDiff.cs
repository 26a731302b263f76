using System.Text.Json.Nodes;
using Sveltos.Engine.Helm.Releases;
using Sveltos.Engine.Templates.Go;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Deploy.Releases;

/// <summary>
/// What -WhatIf shows for a Helm release's new revision instead of its (redacted) storage Secret: the chart and the
/// user values of the deployed revision against those of the new one. Values are withheld when the profile read a
/// Secret, since they may hold its data.
/// </summary>
public static class ReleaseValuesDiff
{
    /// <summary>The values diff of a storage change that writes a new deployed revision; null for any other change.</summary>
    public static string? For(ApplyPlan plan, PlannedChange change)
    {
        if (!ReleaseStorage.IsStorage(change) || change.Desired is null
            || ReleaseStorage.StatusOf(change.Desired.Object) != ReleaseStatus.Deployed || ReleaseStorage.StatusOf(change.Live) == ReleaseStatus.Deployed)
        {
            return null;
        }

        var release = ReleaseStorage.ReleaseOf(change);
        var wanted = ReleaseSecret.Read(change.Desired.Object).Release;
        var deployed = plan.Changes
            .Where(c => c != change && ReleaseStorage.IsStorage(c) && ReleaseStorage.ReleaseOf(c) == release && ReleaseStorage.StatusOf(c.Live) == ReleaseStatus.Deployed)
            .Select(c => ReleaseSecret.Read(c.Live!).Release)
            .FirstOrDefault();
        var withheld = plan.Desired?.Sources.Any(s => s.Kind == "Secret") == true;
        var label = $"release/{release.Namespace}/{release.Name}";
        return UnifiedDiff.Create(
            deployed is null ? "" : Render(deployed, withheld),
            Render(wanted, withheld),
            deployed is null ? $"{label} (not installed)" : $"{label} revision {deployed.Version}",
            $"{label} revision {wanted.Version}");
    }

    private static string Render(Release release, bool withheld)
    {
        var shown = new JsonObject
        {
            ["chart"] = $"{release.Chart?.Metadata.Name}-{release.Chart?.Metadata.Version}",
            ["values"] = withheld ? "(withheld: the profile's values read a Secret)" : GoValues.ToJson(release.Config) ?? new JsonObject(),
        };
        return YamlText.FromJson(shown);
    }
}
