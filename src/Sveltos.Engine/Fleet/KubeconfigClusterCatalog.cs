using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Fleet;

/// <summary>A cluster reachable through a kubeconfig context. Carries no credentials.</summary>
public sealed record KubeconfigClusterEntry(
    string Name,
    string Context,
    string Server,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    string SourceFile);

/// <summary>One context of a kubeconfig: the cluster it reaches, or why it cannot be used.</summary>
public sealed record KubeconfigClusterListing(string Context, KubeconfigClusterEntry? Cluster, SveltosException? Error);

/// <summary>Lists every context of a kubeconfig as a cluster, in name order.</summary>
public static class KubeconfigClusterCatalog
{
    public static IReadOnlyList<KubeconfigClusterListing> List(Kubeconfig kubeconfig) =>
        kubeconfig.Contexts.Keys
            .Order(StringComparer.Ordinal)
            .Select(name => Describe(kubeconfig, name))
            .ToList();

    private static KubeconfigClusterListing Describe(Kubeconfig kubeconfig, string contextName)
    {
        try
        {
            var resolved = kubeconfig.Resolve(contextName);
            if (string.IsNullOrWhiteSpace(resolved.Cluster.Server))
            {
                return new KubeconfigClusterListing(contextName, null, new SveltosException(
                    "KubeconfigInvalidEntry",
                    ErrorKind.InvalidData,
                    $"Kubeconfig '{resolved.Cluster.SourceFile}': cluster '{resolved.Cluster.Name}' (used by context '{contextName}') has no 'server'.",
                    contextName,
                    "Set the cluster's 'server' to the API server URL."));
            }

            var entry = new KubeconfigClusterEntry(
                contextName,
                contextName,
                resolved.Cluster.Server,
                resolved.Namespace,
                new Dictionary<string, string>(),
                resolved.Context.SourceFile);
            return new KubeconfigClusterListing(contextName, entry, null);
        }
        catch (SveltosException ex)
        {
            return new KubeconfigClusterListing(contextName, null, ex);
        }
    }
}
