using System.Text.Json.Nodes;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// The metadata Helm puts on every object of a release (pkg/action's setMetadataVisitor), so that helm itself
/// recognises the objects as the release's: the managed-by label and the release name and namespace annotations.
/// </summary>
internal static class HelmOwnership
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ReleaseNameAnnotation = "meta.helm.sh/release-name";
    public const string ReleaseNamespaceAnnotation = "meta.helm.sh/release-namespace";

    public static JsonObject Stamp(JsonObject obj, string releaseName, string releaseNamespace)
    {
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        metadata["labels"] = labels;
        labels[ManagedByLabel] = "Helm";
        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        metadata["annotations"] = annotations;
        annotations[ReleaseNameAnnotation] = releaseName;
        annotations[ReleaseNamespaceAnnotation] = releaseNamespace;
        return obj;
    }

    /// <summary>
    /// A CRD from a chart's crds/ folder: Helm installs it before the templates and never deletes it, so the plan keeps
    /// it on uninstall (helm.sh/resource-policy: keep); it carries no release annotations, as Helm's do not.
    /// </summary>
    public static JsonObject KeepOnUninstall(JsonObject crd)
    {
        var metadata = crd["metadata"] as JsonObject ?? new JsonObject();
        crd["metadata"] = metadata;
        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        metadata["annotations"] = annotations;
        annotations[Deploy.Planner.HelmResourcePolicy] = "keep";
        return crd;
    }
}
