using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;

namespace Sveltos.Infrastructure;

/// <summary>Maps the engine's drift findings and remediation results onto <see cref="DriftResult"/>.</summary>
internal static class DriftOutput
{
    /// <summary>Findings in a stable order: cluster, profile, then the object (kind, namespace, name).</summary>
    public static IEnumerable<DriftFinding> InOrder(IEnumerable<DriftFinding> findings) => findings
        .OrderBy(f => f.Cluster, StringComparer.Ordinal)
        .ThenBy(f => ProfileRefs.Identity(f.Profile), StringComparer.Ordinal)
        .ThenBy(f => f.Key.Kind, StringComparer.Ordinal)
        .ThenBy(f => f.Key.Namespace, StringComparer.Ordinal)
        .ThenBy(f => f.Key.Name, StringComparer.Ordinal);

    public static DriftResult Detected(DriftFinding finding) => Of(
        finding,
        "Drifted",
        null,
        finding.Change == DriftChange.Deleted ? "deleted out of band" : "changed out of band",
        finding.Diff,
        finding.DetectedAt);

    public static DriftResult Remediated(DriftFinding finding, ObjectResult result) => Of(
        finding,
        result.Action switch
        {
            ObjectAction.Created or ObjectAction.Updated or ObjectAction.Adopted => "Remediated",
            ObjectAction.Conflict => "Conflict",
            ObjectAction.Failed => "Failed",
            _ => "Skipped",
        },
        result.Action.ToString(),
        result.Message.Length > 0 ? result.Message : $"{result.Action} in {(DateTimeOffset.UtcNow - finding.DetectedAt).TotalMilliseconds:0} ms after detection",
        null,
        DateTimeOffset.UtcNow);

    public static DriftResult Flapping(DriftFinding finding, int remediations, TimeSpan window) => Of(
        finding,
        "Flapping",
        null,
        $"remediated {remediations} times within {window.TotalSeconds:0} s; reported but not re-applied until the window passes (something keeps changing it: add a driftExclusions path, or the driftDetectionIgnore annotation)",
        null,
        DateTimeOffset.UtcNow);

    private static DriftResult Of(DriftFinding finding, string status, string? action, string message, string? diff, DateTimeOffset time) => new(
        finding.Cluster,
        ProfileRefs.Identity(finding.Profile),
        finding.Key.ApiVersion,
        finding.Key.Kind,
        finding.Key.Namespace,
        finding.Key.Name,
        finding.Change.ToString(),
        status,
        action,
        message,
        diff,
        time);
}
