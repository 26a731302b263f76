using System.Collections;
using Sveltos.Engine.Fleet;

namespace Sveltos.Completers;

/// <summary>Completes profile names from the fleet in effect.</summary>
public sealed class ProfileNameCompleter : FleetNameCompleter
{
    protected override async Task<IEnumerable<string>> NamesAsync(IFleet fleet, IDictionary boundParameters, CancellationToken cancellationToken) =>
        (await fleet.GetProfilesAsync(cancellationToken).ConfigureAwait(false)).Profiles.Select(p => p.Name);
}
