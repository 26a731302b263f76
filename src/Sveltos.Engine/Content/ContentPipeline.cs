using Sveltos.Engine.Content.Helm;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Content;

/// <summary>
/// Produces everything a profile wants for one cluster: template resources fetched from the fleet,
/// then every content source (policyRefs, then Helm charts; kustomize later). Sync and preview share it.
/// </summary>
public static class ContentPipeline
{
    private static readonly IReadOnlyList<IContentSource> Sources = [new PolicyRefSource(), new HelmChartSource(), new Kustomize.KustomizationSource()];

    /// <summary>The objects (Remote and Local) and the versions of everything read; throws <see cref="PendingException"/> or <see cref="ContentException"/>.</summary>
    public static async Task<ContentResult> ResolveAsync(
        ClusterProfileDocument profile,
        FleetCluster cluster,
        IFleet fleet,
        Func<CancellationToken, Task<string?>> kubernetesVersion,
        CancellationToken cancellationToken,
        Func<ContentRequest, ContentRequest>? forTarget = null)
    {
        var version = new Lazy<Task<string?>>(() => kubernetesVersion(cancellationToken));
        var request = new ContentRequest(profile, cluster, fleet) { KubernetesVersion = _ => version.Value };
        request = forTarget?.Invoke(request) ?? request;
        var versions = new List<SourceVersion>();
        if (profile.Spec.TemplateResourceRefs.Count > 0)
        {
            var data = await request.TemplateDataAsync(cancellationToken).ConfigureAwait(false);
            var (resources, fetched, missing) = await TemplateResources.FetchAsync(request, (text, where) => ContentTemplates.RenderField(text, where, data, cancellationToken), cancellationToken).ConfigureAwait(false);
            request = request with { Resources = resources, MissingResources = missing };
            versions.AddRange(fetched);
        }

        var objects = new List<ContentObject>();
        var releases = new List<DeployedRelease>();
        var helmOptions = new List<Deploy.Releases.HelmReleaseEntry>();
        var pending = new Dictionary<DeploymentType, string>();
        foreach (var source in Sources)
        {
            ContentResult result;
            try
            {
                result = await source.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (TemplateException ex) when (request.Resources.Values.Any(SecretRedactor.IsSecret))
            {
                // A template that reads a Secret can fail on one of its values (atoi, toDate) and quote it.
                throw SecretText.Scrub(ex, SecretText.ValuesOf(request.Resources.Values));
            }

            objects.AddRange(result.Objects);
            versions.AddRange(result.Sources);
            releases.AddRange(result.HelmReleases);
            helmOptions.AddRange(result.HelmOptions);
            foreach (var (target, reason) in result.Pending)
            {
                pending.TryAdd(target, reason);
            }
        }

        return new ContentResult(objects.Where(o => !pending.ContainsKey(o.Target)).ToList(), versions) { Pending = pending, HelmReleases = releases, HelmOptions = helmOptions };
    }
}
