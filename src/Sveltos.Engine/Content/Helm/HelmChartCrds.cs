using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// A chart's crds/ CRDs as content: applied on install (unless skipCRDs), stamped to be kept on uninstall. On upgrade
/// helm leaves crds/ alone unless upgradeOptions.upgradeCRDs: a CRD that is live stays as it is live (still tracked,
/// so an uninstall keeps it rather than losing track of it), one that is not is not created.
/// </summary>
internal static class HelmChartCrds
{
    private static readonly string[] ServerFields = ["resourceVersion", "uid", "creationTimestamp", "generation", "managedFields", "selfLink"];

    public static async Task<IReadOnlyList<ContentObject>> ObjectsAsync(ContentRequest request, HelmChart chart, HelmRenderResult result, bool isUpgrade, CancellationToken cancellationToken)
    {
        var objects = new List<ContentObject>();
        if (chart.Options?.SkipCrds == true)
        {
            return objects;
        }

        var source = new SourceRef("HelmChart", chart.ReleaseNamespace, chart.ReleaseName);
        var upgradeCrds = chart.Options?.UpgradeCrds == true;
        foreach (var (file, text) in result.Crds)
        {
            foreach (var document in ManifestSplitter.Split(text))
            {
                if (ManifestHead.ToObject(document) is not JsonObject crd)
                {
                    continue;
                }

                var wanted = crd;
                if (isUpgrade && !upgradeCrds)
                {
                    var live = await request.Lookup(KubeObject.ApiVersion(crd), KubeObject.Kind(crd), "", KubeObject.Name(crd), cancellationToken).ConfigureAwait(false);
                    if (live is null)
                    {
                        continue;
                    }

                    wanted = AsLive(live);
                }

                objects.Add(new ContentObject(HelmOwnership.KeepOnUninstall(wanted), source with { Key = file }, Tracking.ResourcesReason, DeploymentType.Remote));
            }
        }

        return objects;
    }

    /// <summary>A live CRD as content: without its status, the server's bookkeeping and the Sveltos tracking metadata.</summary>
    private static JsonObject AsLive(JsonObject live)
    {
        var copy = (JsonObject)live.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerFields)
            {
                metadata.Remove(field);
            }

            (metadata["labels"] as JsonObject)?.Remove(Tracking.ReasonLabel);
            if (metadata["annotations"] is JsonObject annotations)
            {
                foreach (var annotation in Tracking.Annotations)
                {
                    annotations.Remove(annotation);
                }
            }
        }

        return copy;
    }
}
