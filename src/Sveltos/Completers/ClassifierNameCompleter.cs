using System.Collections;
using Sveltos.Engine.Fleet;

namespace Sveltos.Completers;

/// <summary>Completes classifier names from the fleet in effect.</summary>
public sealed class ClassifierNameCompleter : FleetNameCompleter
{
    protected override async Task<IEnumerable<string>> NamesAsync(IFleet fleet, IDictionary boundParameters, CancellationToken cancellationToken) =>
        (await fleet.GetClassifiersAsync(cancellationToken).ConfigureAwait(false)).Classifiers.Select(c => c.Name);
}
