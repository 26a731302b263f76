using System.Text.Json.Nodes;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Fleet;

/// <summary>
/// Where the fleet is kept: clusters, profiles and the content profiles reference. Every cmdlet works
/// the same on each implementation (a management cluster, a fleet directory).
/// </summary>
public interface IFleet : IDisposable
{
    /// <summary>Names the fleet in messages, e.g. "management cluster 'mgmt'" or "fleet directory './fleet'".</summary>
    string Description { get; }

    bool IsReadOnly { get; }

    /// <summary>The fleet's identity; null when it has none yet (a sync needs one, see <see cref="EnsureIdentityAsync"/>).</summary>
    Task<FleetIdentity?> GetIdentityAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The fleet's identity, created when the fleet can have one made for it; throws (FleetIdentityMissing,
    /// FleetNotConnected) when it cannot, because a sync without an identity could not tell its deployments from others'.
    /// </summary>
    Task<FleetIdentity> EnsureIdentityAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<FleetCluster>> GetClustersAsync(CancellationToken cancellationToken);

    /// <summary>Records a cluster (or records it again, replacing its connection and labels).</summary>
    Task<FleetCluster> RegisterClusterAsync(ClusterRegistration registration, CancellationToken cancellationToken);

    Task UnregisterClusterAsync(FleetCluster cluster, CancellationToken cancellationToken);

    /// <summary>Replaces the cluster's labels with exactly <paramref name="labels"/>.</summary>
    Task<FleetCluster> SetClusterLabelsAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    Task<FleetProfiles> GetProfilesAsync(CancellationToken cancellationToken);

    /// <summary>Creates the profile, or replaces the one with the same identity.</summary>
    Task SaveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken);

    /// <summary>Removes the profile and records that it was removed on purpose, so its withdrawal is not taken for a fleet that lost sight of it.</summary>
    Task RemoveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the cluster's labels with exactly <paramref name="labels"/> and changes the annotations named in
    /// <paramref name="annotationChanges"/> (a null value removes one), leaving its other annotations alone.
    /// </summary>
    Task<FleetCluster> SetClusterMetadataAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string?> annotationChanges, CancellationToken cancellationToken);

    /// <summary>The Classifier objects of the fleet, and the problems of those that are invalid.</summary>
    Task<Classify.FleetClassifiers> GetClassifiersAsync(CancellationToken cancellationToken);

    /// <summary>Creates the classifier, or replaces the one with the same name.</summary>
    Task SaveClassifierAsync(Classify.ClassifierDocument classifier, CancellationToken cancellationToken);

    /// <summary>Deletes the classifier; the labels it set are withdrawn by the next classification.</summary>
    Task RemoveClassifierAsync(string name, CancellationToken cancellationToken);

    /// <summary>Gets an object kept in the fleet (a ConfigMap or Secret a profile references, a template resource); null when absent.</summary>
    Task<JsonObject?> GetObjectAsync(string apiVersion, string kind, string? @namespace, string name, CancellationToken cancellationToken);
}

/// <summary>What Register-SveltosCluster records.</summary>
public sealed record ClusterRegistration(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    ContextConnection Connection,
    bool Ready,
    string? Version);
