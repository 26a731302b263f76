using Sveltos.Engine.Fleet;

namespace Sveltos.Completers;

/// <summary>Completes cluster names from the fleet in effect.</summary>
public sealed class ClusterNameCompleter : FleetNameCompleter
{
    protected override async Task<IEnumerable<string>> NamesAsync(IFleet fleet, CancellationToken cancellationToken) =>
        (await fleet.GetClustersAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Name);
}
