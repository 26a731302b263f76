namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// A rendered document annotated <c>helm.sh/hook</c> (Helm's release.Hook): run at the given events instead of being
/// part of the release's manifest. <see cref="Path"/> is the template it came from, <see cref="Manifest"/> its text.
/// </summary>
public sealed record HelmHook(
    string Name,
    string Kind,
    string Path,
    string Manifest,
    IReadOnlyList<string> Events,
    long Weight,
    IReadOnlyList<string> DeletePolicies,
    ManifestHead Head)
{
    public const string HookAnnotation = "helm.sh/hook";
    public const string WeightAnnotation = "helm.sh/hook-weight";
    public const string DeletePolicyAnnotation = "helm.sh/hook-delete-policy";

    /// <summary>The events Helm knows, by annotation value; Helm 2's <c>test-success</c> is <c>test</c>.</summary>
    public static IReadOnlyDictionary<string, string> KnownEvents { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pre-install"] = "pre-install",
        ["post-install"] = "post-install",
        ["pre-delete"] = "pre-delete",
        ["post-delete"] = "post-delete",
        ["pre-upgrade"] = "pre-upgrade",
        ["post-upgrade"] = "post-upgrade",
        ["pre-rollback"] = "pre-rollback",
        ["post-rollback"] = "post-rollback",
        ["test"] = "test",
        ["test-success"] = "test",
    };

    /// <summary>A test hook (<c>helm test</c>), which <c>--skip-tests</c> leaves out.</summary>
    public bool IsTest => Events.Contains("test");

    /// <summary>
    /// The hook a document declares, or null when it is not a hook. A document naming an event Helm does not know is
    /// skipped by Helm altogether: <paramref name="unknown"/> is then true.
    /// </summary>
    public static HelmHook? From(string path, string manifest, ManifestHead head, out bool unknown)
    {
        unknown = false;
        if (head.Annotations is not { } annotations || !annotations.TryGetValue(HookAnnotation, out var hookTypes))
        {
            return null;
        }

        var events = new List<string>();
        foreach (var type in hookTypes.Split(','))
        {
            if (!KnownEvents.TryGetValue(GoText.TrimSpace(type).ToLowerInvariant(), out var known))
            {
                unknown = true;
                return null;
            }

            events.Add(known);
        }

        var policies = annotations.TryGetValue(DeletePolicyAnnotation, out var policyText)
            ? policyText.Split(',').Select(p => GoText.TrimSpace(p).ToLowerInvariant()).ToList()
            : [];
        var weight = GoText.Atoi(annotations.GetValueOrDefault(WeightAnnotation)) ?? 0;
        return new HelmHook(head.Name, head.Kind, path, manifest, events, weight, policies, head);
    }
}
