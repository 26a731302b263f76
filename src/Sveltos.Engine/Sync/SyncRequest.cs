using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>What Invoke-ProfileSync asks for.</summary>
public sealed record SyncRequest
{
    /// <summary>The profiles to sync; null means every profile of the fleet (and withdrawing those removed from it).</summary>
    public IReadOnlyList<ClusterProfileDocument>? Profiles { get; init; }

    /// <summary>Clusters to consider, as namespace/name; null means every cluster of the fleet.</summary>
    public IReadOnlySet<string>? Clusters { get; init; }

    /// <summary>Clusters (namespace/name) being removed from the fleet: every profile is withdrawn from them.</summary>
    public IReadOnlySet<string> Withdrawing { get; init; } = new HashSet<string>();

    /// <summary>Clusters processed at once.</summary>
    public int ThrottleLimit { get; init; } = 16;

    /// <summary>More deletions than this across the fleet, in one sync, need <see cref="Force"/>.</summary>
    public int DeletionThreshold { get; init; } = 25;

    public bool Force { get; init; }
}
