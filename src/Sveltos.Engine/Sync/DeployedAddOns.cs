using System.Collections.Concurrent;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Sync;

/// <summary>What is deployed where, read from the deployment records each cluster keeps.</summary>
public static class DeployedAddOns
{
    public static async Task<IReadOnlyList<(FleetCluster Cluster, DeploymentRecord Record)>> ListAsync(
        IReadOnlyList<FleetCluster> clusters,
        int parallelism,
        Action<FleetCluster, SveltosException> onError,
        CancellationToken cancellationToken)
    {
        var found = new ConcurrentBag<(FleetCluster, DeploymentRecord)>();
        await Parallel.ForEachAsync(
            clusters,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (cluster, token) =>
            {
                try
                {
                    using var client = KubeClientFactory.Create(await cluster.Connection.ResolveAsync(token).ConfigureAwait(false));
                    foreach (var record in await DeploymentRecordStore.ListAsync(client, token).ConfigureAwait(false))
                    {
                        found.Add((cluster, record));
                    }
                }
                catch (SveltosException ex)
                {
                    onError(cluster, ex);
                }
            }).ConfigureAwait(false);
        return found.OrderBy(f => f.Item1.ToString(), StringComparer.Ordinal).ThenBy(f => ProfileRefs.Identity(f.Item2.Profile), StringComparer.Ordinal).ToList();
    }
}
