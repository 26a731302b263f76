using System.Collections;
using Sveltos.Engine.Fleet;

namespace Sveltos.Completers;

/// <summary>Completes label keys: those of the cluster -Name names, or of every cluster of the fleet.</summary>
public sealed class LabelKeyCompleter : FleetNameCompleter
{
    protected override async Task<IEnumerable<string>> NamesAsync(IFleet fleet, IDictionary boundParameters, CancellationToken cancellationToken)
    {
        var clusters = await fleet.GetClustersAsync(cancellationToken).ConfigureAwait(false);
        var named = clusters.Where(c => c.Name == boundParameters["Name"] as string && (boundParameters["Namespace"] is not string ns || c.Namespace == ns)).ToList();
        return (named.Count > 0 ? named : clusters).SelectMany(c => c.Labels.Keys);
    }
}
