using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content;

/// <summary>
/// Fetches a profile's templateResourceRefs from the fleet (the management cluster) for one cluster:
/// names and namespaces may be templates, an empty namespace is the cluster's. A missing resource that
/// is not optional makes the pair Pending.
/// </summary>
public static class TemplateResources
{
    public static async Task<(IReadOnlyDictionary<string, JsonObject> Resources, IReadOnlyList<SourceVersion> Versions)> FetchAsync(
        ContentRequest request,
        Func<string, string, string> renderText,
        CancellationToken cancellationToken)
    {
        var resources = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var versions = new List<SourceVersion>();
        var missing = new List<string>();
        foreach (var reference in request.Profile.Spec.TemplateResourceRefs)
        {
            var where = $"{request.Profile.Identity} templateResourceRefs '{reference.Identifier}'";
            var name = renderText(reference.Resource.Name, $"{where} name");
            var ns = string.IsNullOrEmpty(reference.Resource.Namespace)
                ? request.Cluster.Namespace
                : renderText(reference.Resource.Namespace, $"{where} namespace");
            var apiVersion = reference.Resource.ApiVersion ?? "v1";
            var found = await request.Fleet.GetObjectAsync(apiVersion, reference.Resource.Kind, ns, name, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                if (!reference.Optional)
                {
                    missing.Add($"{reference.Resource.Kind} {ns}/{name} ({reference.Identifier})");
                }

                continue;
            }

            resources[reference.Identifier] = found;
            versions.Add(new SourceVersion(reference.Resource.Kind, ns, name, KubeObject.ResourceVersion(found)));
        }

        if (missing.Count > 0)
        {
            throw new PendingException(
                $"{request.Profile.Identity} on cluster {request.Cluster}: waiting for {string.Join(", ", missing)} in {request.Fleet.Description}.",
                request.Profile.Identity);
        }

        return (resources, versions);
    }
}
