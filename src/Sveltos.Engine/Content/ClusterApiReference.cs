using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Content;

/// <summary>
/// The objects a Cluster API cluster points to (<c>spec.infrastructureRef</c>, <c>spec.controlPlaneRef</c>), fetched
/// from the fleet for templates as Sveltos gives them (.InfrastructureProvider, .KubeadmControlPlane).
/// </summary>
internal static class ClusterApiReference
{
    /// <summary>The referenced object, or null: not a Cluster API cluster, no such reference, or the object is not found.</summary>
    public static async Task<JsonObject?> FetchAsync(FleetCluster cluster, IFleet fleet, string reference, CancellationToken cancellationToken)
    {
        if (cluster.Type != ClusterType.Capi || cluster.Object?["spec"]?[reference] is not JsonObject target)
        {
            return null;
        }

        var apiVersion = KubeObject.Text(target["apiVersion"]);
        var kind = KubeObject.Text(target["kind"]);
        var name = KubeObject.Text(target["name"]);
        if (apiVersion.Length == 0 || kind.Length == 0 || name.Length == 0)
        {
            return null;
        }

        var ns = KubeObject.Text(target["namespace"]) is { Length: > 0 } given ? given : cluster.Namespace;
        return await fleet.GetObjectAsync(apiVersion, kind, ns, name, cancellationToken).ConfigureAwait(false);
    }
}
