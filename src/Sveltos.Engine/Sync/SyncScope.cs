using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;

namespace Sveltos.Engine.Sync;

/// <summary>
/// The fleet a plan belongs to: where it writes, whose records it writes, and how much the fleet had deployed
/// on the clusters planned (what the withdrawal guard measures against).
/// </summary>
/// <param name="ProvisionalIdentity">The fleet has no identity yet; the first write creates it.</param>
/// <param name="Deployed">Per profile identity, how many deployments with objects this fleet has on the clusters planned.</param>
public sealed record SyncScope(IFleet Fleet, RecordOwner Owner, bool ProvisionalIdentity, IReadOnlyDictionary<string, int> Deployed);
