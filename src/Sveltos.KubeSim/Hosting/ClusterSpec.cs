namespace Sveltos.KubeSim;

/// <summary>What a simulated cluster looks like when it starts: its name, reported version and nodes.</summary>
public sealed class ClusterSpec(string name)
{
    public string Name { get; } = name;

    /// <summary>The Kubernetes version the cluster reports (/version, node kubelet versions), such as v1.29.4.</summary>
    public string Version { get; set; } = "v1.32.0";

    public int Nodes { get; set; } = 1;

    /// <summary>Labels every node of the cluster carries, besides the standard ones.</summary>
    public IDictionary<string, string> NodeLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The management cluster: the kubeconfig's current context.</summary>
    public bool IsManagement { get; set; }
}
