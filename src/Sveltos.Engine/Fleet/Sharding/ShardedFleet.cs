using System.Text.Json.Nodes;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Fleet.Sharding;

/// <summary>
/// A fleet seen through one shard: its clusters are only those <see cref="ShardAssignment"/> gives the shard (worked out
/// over all of the fleet's clusters), so a sync, drift check or classification in one job never reads or touches
/// another shard's clusters. Everything else is the fleet's own.
/// </summary>
public sealed class ShardedFleet(IFleet inner, FleetShard shard) : IFleet
{
    public IFleet Inner => inner;

    public FleetShard Shard => shard;

    public string Description => $"{inner.Description} (shard {shard})";

    public bool IsReadOnly => inner.IsReadOnly;

    public async Task<IReadOnlyList<FleetCluster>> GetClustersAsync(CancellationToken cancellationToken) =>
        ShardAssignment.Select(await inner.GetClustersAsync(cancellationToken).ConfigureAwait(false), shard);

    public Task<FleetIdentity?> GetIdentityAsync(CancellationToken cancellationToken) => inner.GetIdentityAsync(cancellationToken);

    public Task<FleetIdentity> EnsureIdentityAsync(CancellationToken cancellationToken) => inner.EnsureIdentityAsync(cancellationToken);

    public Task<FleetCluster> RegisterClusterAsync(ClusterRegistration registration, CancellationToken cancellationToken) => inner.RegisterClusterAsync(registration, cancellationToken);

    public Task UnregisterClusterAsync(FleetCluster cluster, CancellationToken cancellationToken) => inner.UnregisterClusterAsync(cluster, cancellationToken);

    public Task<FleetCluster> SetClusterLabelsAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        inner.SetClusterLabelsAsync(cluster, labels, cancellationToken);

    public Task<FleetProfiles> GetProfilesAsync(CancellationToken cancellationToken) => inner.GetProfilesAsync(cancellationToken);

    public Task SaveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken) => inner.SaveProfileAsync(profile, cancellationToken);

    public Task RemoveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken) => inner.RemoveProfileAsync(profile, cancellationToken);

    public Task<FleetCluster> SetClusterMetadataAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string?> annotationChanges, CancellationToken cancellationToken) =>
        inner.SetClusterMetadataAsync(cluster, labels, annotationChanges, cancellationToken);

    public Task<FleetClassifiers> GetClassifiersAsync(CancellationToken cancellationToken) => inner.GetClassifiersAsync(cancellationToken);

    public Task SaveClassifierAsync(ClassifierDocument classifier, CancellationToken cancellationToken) => inner.SaveClassifierAsync(classifier, cancellationToken);

    public Task RemoveClassifierAsync(string name, CancellationToken cancellationToken) => inner.RemoveClassifierAsync(name, cancellationToken);

    public Task<JsonObject?> GetObjectAsync(string apiVersion, string kind, string? @namespace, string name, CancellationToken cancellationToken) =>
        inner.GetObjectAsync(apiVersion, kind, @namespace, name, cancellationToken);

    public void Dispose() => inner.Dispose();
}
