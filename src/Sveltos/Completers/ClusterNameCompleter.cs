using System.Collections;
using Sveltos.Engine.Fleet;

namespace Sveltos.Completers;

/// <summary>
/// Completes cluster names from the fleet in effect: the name alone, or namespace/name where the name is
/// used in more than one namespace (or -Namespace is not the cluster's).
/// </summary>
public sealed class ClusterNameCompleter : FleetNameCompleter
{
    protected override async Task<IEnumerable<string>> NamesAsync(IFleet fleet, IDictionary boundParameters, CancellationToken cancellationToken)
    {
        var clusters = await fleet.GetClustersAsync(cancellationToken).ConfigureAwait(false);
        var inNamespace = boundParameters["Namespace"] is string ns ? clusters.Where(c => c.Namespace == ns).ToList() : clusters;
        return inNamespace.Select(c => inNamespace.Count(o => o.Name == c.Name) > 1 ? c.ToString() : c.Name);
    }
}
