using System.Management.Automation;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Infrastructure;

/// <summary>Maps the engine's kubeconfig catalog onto the module's cluster objects.</summary>
internal static class KubeconfigClusters
{
    /// <summary>Loads the clusters; contexts that cannot be used are reported through <paramref name="errors"/> and skipped.</summary>
    public static IReadOnlyList<SveltosCluster> Load(IReadOnlyList<string>? kubeconfigPaths, Cmdlet? errors)
    {
        var kubeconfig = KubeconfigLoader.Load(kubeconfigPaths);
        var clusters = new List<SveltosCluster>();
        foreach (var listing in KubeconfigClusterCatalog.List(kubeconfig))
        {
            if (listing.Cluster is { } c)
            {
                clusters.Add(new SveltosCluster(c.Name, c.Context, c.Server, c.Namespace, c.Labels, c.SourceFile));
            }
            else if (listing.Error is not null)
            {
                errors?.WriteError(ErrorRecords.From(listing.Error, listing.Context));
            }
        }

        return clusters;
    }
}
