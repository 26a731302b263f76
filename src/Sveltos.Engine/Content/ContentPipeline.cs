using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content;

/// <summary>
/// Produces everything a profile wants for one cluster: template resources fetched from the fleet,
/// then every content source (policyRefs today; Helm and kustomize later). Sync and preview share it.
/// </summary>
public static class ContentPipeline
{
    private static readonly IReadOnlyList<IContentSource> Sources = [new PolicyRefSource()];

    /// <summary>The objects (Remote and Local) and the versions of everything read; throws <see cref="PendingException"/> or <see cref="ContentException"/>.</summary>
    public static async Task<ContentResult> ResolveAsync(ClusterProfileDocument profile, FleetCluster cluster, IFleet fleet, CancellationToken cancellationToken)
    {
        var request = new ContentRequest(profile, cluster, fleet);
        var versions = new List<SourceVersion>();
        if (profile.Spec.TemplateResourceRefs.Count > 0)
        {
            var (resources, fetched) = await TemplateResources.FetchAsync(request, (text, _) => text, cancellationToken).ConfigureAwait(false);
            request = request with { Resources = resources };
            versions.AddRange(fetched);
        }

        var objects = new List<ContentObject>();
        foreach (var source in Sources)
        {
            var result = await source.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
            objects.AddRange(result.Objects);
            versions.AddRange(result.Sources);
        }

        return new ContentResult(objects, versions);
    }
}
