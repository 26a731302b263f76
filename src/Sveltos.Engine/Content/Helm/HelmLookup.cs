using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// Helm's lookup against the target cluster, as helm install and upgrade answer it: an object by name, a list (an
/// unstructured &lt;Kind&gt;List with items) for an empty name (all namespaces for an empty namespace), and nothing
/// (an empty map) when the object or its kind does not exist.
/// </summary>
internal static class HelmLookup
{
    public static async Task<JsonObject?> FindAsync(KubeClient client, string apiVersion, string kind, string @namespace, string name, CancellationToken cancellationToken)
    {
        var resource = await client.FindResourceAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
        if (resource is null)
        {
            return null;
        }

        var ns = resource.Namespaced && @namespace.Length > 0 ? @namespace : null;
        if (name.Length > 0)
        {
            return await client.GetAsync(resource, ns, name, cancellationToken).ConfigureAwait(false);
        }

        var list = await client.ListAsync(resource, ns, null, cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind + "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = list.ResourceVersion },
            ["items"] = new JsonArray(list.Items.Select(i => (JsonNode?)i.DeepClone()).ToArray()),
        };
    }
}
