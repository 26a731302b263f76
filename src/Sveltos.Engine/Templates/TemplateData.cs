using System.Text.Json.Nodes;

namespace Sveltos.Engine.Templates;

/// <summary>
/// What a template sees for one cluster: the cluster object (as stored in the fleet: metadata, spec, status), its live
/// Kubernetes version, and the management-cluster resources fetched for it (templateResourceRefs), keyed by identifier.
/// Rendering never modifies these objects, so one instance may be rendered by many templates at once.
/// </summary>
public sealed class TemplateData
{
    public TemplateData(JsonObject cluster, string? kubernetesVersion = null, IReadOnlyDictionary<string, JsonObject>? resources = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var metadata = cluster["metadata"] as JsonObject;
        ClusterName = metadata?["name"] is JsonValue name && name.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new ArgumentException("The cluster object has no metadata.name.", nameof(cluster));
        ClusterNamespace = metadata["namespace"] is JsonValue ns && ns.TryGetValue<string>(out var nsText) ? nsText : "";
        Cluster = cluster;
        KubernetesVersion = string.IsNullOrEmpty(kubernetesVersion) ? null : kubernetesVersion;
        Resources = resources ?? new Dictionary<string, JsonObject>();
    }

    private string? fingerprint;

    public JsonObject Cluster { get; }

    public string ClusterName { get; }

    /// <summary>Empty for a cluster without a namespace (a kubeconfig context).</summary>
    public string ClusterNamespace { get; }

    /// <summary>The version the cluster reports (e.g. <c>v1.30.2</c>); null when it is not known.</summary>
    public string? KubernetesVersion { get; }

    public IReadOnlyDictionary<string, JsonObject> Resources { get; }

    /// <summary>A Cluster API cluster's infrastructure object (its <c>spec.infrastructureRef</c>); null for other clusters or when it is not found.</summary>
    public JsonObject? InfrastructureProvider { get; init; }

    /// <summary>A Cluster API cluster's control plane object (its <c>spec.controlPlaneRef</c>); null for other clusters or when it is not found.</summary>
    public JsonObject? KubeadmControlPlane { get; init; }

    /// <summary>A hash of everything a template can read here: equal fingerprints, equal renders (randomness aside).</summary>
    public string Fingerprint => fingerprint ??= Deploy.ObjectHasher.Hash(new JsonObject
    {
        ["cluster"] = Cluster.DeepClone(),
        ["kubernetesVersion"] = KubernetesVersion,
        ["resources"] = new JsonObject(Resources.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value.DeepClone()))),
        ["infrastructureProvider"] = InfrastructureProvider?.DeepClone(),
        ["kubeadmControlPlane"] = KubeadmControlPlane?.DeepClone(),
    });
}
