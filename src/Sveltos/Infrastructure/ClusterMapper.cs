using Sveltos.Engine.Fleet;

namespace Sveltos.Infrastructure;

/// <summary>Maps engine clusters (and probe results) onto the module's cluster objects.</summary>
internal static class ClusterMapper
{
    public static SveltosCluster ToOutput(FleetCluster cluster, ClusterHealth? health, string fleet) => new(
        cluster.Name,
        cluster.Namespace,
        cluster.Type.ToString(),
        cluster.Labels,
        cluster.Ready,
        cluster.Paused,
        health?.KubernetesVersion ?? cluster.RecordedVersion,
        health?.Status.ToString() ?? "Unknown",
        health?.Server ?? LocalServer(cluster),
        (cluster.Connection as ContextConnection)?.Context,
        cluster.SourceFile,
        fleet,
        health?.Message);

    /// <summary>The API server a context names, read from the local kubeconfig without contacting anything.</summary>
    private static string? LocalServer(FleetCluster cluster)
    {
        if (cluster.Connection is not ContextConnection connection)
        {
            return null;
        }

        try
        {
            return connection.ResolveAsync(CancellationToken.None).GetAwaiter().GetResult().Cluster.Server;
        }
        catch (Sveltos.Engine.SveltosException)
        {
            return null;
        }
    }
}
