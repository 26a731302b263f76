using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Fleet;

public enum ConnectionStatus
{
    Healthy,
    Down,
}

/// <summary>What a live probe of a cluster's API server found. <see cref="Message"/> never holds credentials.</summary>
public sealed record ClusterHealth(ConnectionStatus Status, string? KubernetesVersion, string? Server, string? Message);

/// <summary>Asks each cluster's API server for /version, in parallel, within a bounded time.</summary>
public static class ClusterProbe
{
    public static readonly KubeClientOptions ProbeOptions = KubeClientOptions.Default with
    {
        RequestTimeout = TimeSpan.FromSeconds(5),
        MaxAttempts = 1,
    };

    public static async Task<IReadOnlyDictionary<string, ClusterHealth>> ProbeAsync(IEnumerable<FleetCluster> clusters, int parallelism, CancellationToken cancellationToken)
    {
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, ClusterHealth>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            clusters,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (cluster, token) => results[cluster.Key] = await ProbeAsync(cluster.Connection, token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    public static async Task<ClusterHealth> ProbeAsync(ClusterConnection connection, CancellationToken cancellationToken)
    {
        string? server = null;
        try
        {
            var context = await connection.ResolveAsync(cancellationToken).ConfigureAwait(false);
            server = context.Cluster.Server;
            using var client = KubeClientFactory.Create(context, ProbeOptions);
            var version = await client.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
            return new ClusterHealth(ConnectionStatus.Healthy, version, server, null);
        }
        catch (SveltosException ex)
        {
            return new ClusterHealth(ConnectionStatus.Down, null, server, ex.Message);
        }
    }
}
