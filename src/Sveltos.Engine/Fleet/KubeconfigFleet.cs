using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Fleet;

/// <summary>
/// The fleet when none is connected: every kubeconfig context is a ready cluster without labels.
/// It holds no profiles and cannot be changed; Connect-SveltosFleet picks a real fleet.
/// </summary>
public sealed class KubeconfigFleet(Kubeconfig kubeconfig) : IFleet
{
    public string Description => "kubeconfig contexts (no fleet connected)";

    public bool IsReadOnly => true;

    /// <summary>Contexts that cannot be used, with why; listing reports them and goes on.</summary>
    public IReadOnlyList<KubeconfigClusterListing> Listings { get; } = KubeconfigClusterCatalog.List(kubeconfig);

    public Task<FleetIdentity?> GetIdentityAsync(CancellationToken cancellationToken) => Task.FromResult<FleetIdentity?>(null);

    /// <summary>Kubeconfig contexts are no fleet: nothing they "hold" may ever be withdrawn.</summary>
    public Task<FleetIdentity> EnsureIdentityAsync(CancellationToken cancellationToken) => throw ReadOnly();

    public Task<IReadOnlyList<FleetCluster>> GetClustersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<FleetCluster> clusters = Listings
            .Where(l => l.Cluster is not null)
            .Select(l => new FleetCluster(ClusterType.Kubeconfig, l.Cluster!.Namespace, l.Context, l.Cluster!.Labels, true, false, null, new ContextConnection(l.Context, kubeconfig.Files), l.Cluster.SourceFile))
            .ToList();
        return Task.FromResult(clusters);
    }

    public Task<FleetCluster> RegisterClusterAsync(ClusterRegistration registration, CancellationToken cancellationToken) => throw ReadOnly();

    public Task UnregisterClusterAsync(FleetCluster cluster, CancellationToken cancellationToken) => throw ReadOnly();

    public Task<FleetCluster> SetClusterLabelsAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => throw ReadOnly();

    public Task<FleetProfiles> GetProfilesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new FleetProfiles([], [], new HashSet<string>(), Complete: true));

    public Task SaveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken) => throw ReadOnly();

    public Task RemoveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken) => throw ReadOnly();

    public Task<FleetCluster> SetClusterMetadataAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string?> annotationChanges, CancellationToken cancellationToken) => throw ReadOnly();

    public Task<Classify.FleetClassifiers> GetClassifiersAsync(CancellationToken cancellationToken) => Task.FromResult(Classify.FleetClassifiers.Empty);

    public Task SaveClassifierAsync(Classify.ClassifierDocument classifier, CancellationToken cancellationToken) => throw ReadOnly();

    public Task RemoveClassifierAsync(string name, CancellationToken cancellationToken) => throw ReadOnly();

    public Task<JsonObject?> GetObjectAsync(string apiVersion, string kind, string? @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult<JsonObject?>(null);

    public void Dispose()
    {
    }

    private static SveltosException ReadOnly() => new(
        "FleetNotConnected",
        ErrorKind.InvalidArgument,
        "No fleet is connected: kubeconfig contexts can be listed but not changed, and hold no profiles.",
        null,
        "Run Connect-SveltosFleet -Path <fleet folder> or -Context <management context>, or pass -FleetPath / -ManagementContext.");
}
