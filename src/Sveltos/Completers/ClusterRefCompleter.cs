using System.Collections;
using Sveltos.Engine.Fleet;

namespace Sveltos.Completers;

/// <summary>Completes -ClusterRef: namespace/name for a SveltosCluster, Cluster:namespace/name for a Cluster API cluster.</summary>
public sealed class ClusterRefCompleter : FleetNameCompleter
{
    protected override async Task<IEnumerable<string>> NamesAsync(IFleet fleet, IDictionary boundParameters, CancellationToken cancellationToken) =>
        (await fleet.GetClustersAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.Type != ClusterType.Kubeconfig)
            .Select(c => c.Type == ClusterType.Capi ? $"Cluster:{c}" : c.ToString());
}
