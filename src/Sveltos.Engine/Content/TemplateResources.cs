using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content;

/// <summary>
/// Fetches a profile's templateResourceRefs from the fleet (the management cluster) for one cluster:
/// names and namespaces may be templates, an empty namespace is the cluster's. Missing resources that
/// are not optional are returned, not thrown: content that does not use them can still deploy (a
/// Local object that creates one, typically), content that does waits (Pending).
/// </summary>
public static class TemplateResources
{
    public static async Task<(IReadOnlyDictionary<string, JsonObject> Resources, IReadOnlyList<SourceVersion> Versions, IReadOnlyList<MissingResource> Missing)> FetchAsync(
        ContentRequest request,
        Func<string, string, string> renderText,
        CancellationToken cancellationToken)
    {
        var resources = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var versions = new List<SourceVersion>();
        var missing = new List<MissingResource>();
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
                    missing.Add(new MissingResource(reference.Identifier, $"{reference.Resource.Kind} {ns}/{name}"));
                }

                continue;
            }

            resources[reference.Identifier] = found;
            versions.Add(new SourceVersion(reference.Resource.Kind, ns, name, KubeObject.ResourceVersion(found)));
        }

        return (resources, versions, missing);
    }
}

/// <summary>A template resource that does not exist (yet): its identifier and what was looked for.</summary>
public sealed record MissingResource(string Identifier, string Description)
{
    public override string ToString() => $"{Description} ({Identifier})";
}
