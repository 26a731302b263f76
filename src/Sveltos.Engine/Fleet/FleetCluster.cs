namespace Sveltos.Engine.Fleet;

/// <summary>How a cluster is registered in the fleet.</summary>
public enum ClusterType
{
    /// <summary>A Sveltos <c>SveltosCluster</c> (lib.projectsveltos.io/v1beta1).</summary>
    SveltosCluster,

    /// <summary>A Cluster API <c>Cluster</c> (cluster.x-k8s.io/v1beta1).</summary>
    Capi,

    /// <summary>A plain kubeconfig context, when no fleet is connected.</summary>
    Kubeconfig,
}

/// <summary>
/// A cluster of the fleet as its registration describes it. Holds how to connect, never credentials
/// themselves: those are read only when a connection is made.
/// </summary>
public sealed record FleetCluster(
    ClusterType Type,
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    bool Ready,
    bool Paused,
    string? RecordedVersion,
    ClusterConnection Connection,
    string? SourceFile)
{
    /// <summary>The cluster object as the fleet holds it (templates read it as .Cluster / cluster).</summary>
    public System.Text.Json.Nodes.JsonObject? Object { get; init; }

    /// <summary>Only ready, unpaused clusters receive add-ons, as in Sveltos.</summary>
    public bool Eligible => Ready && !Paused;

    public string Kind => Type switch
    {
        ClusterType.SveltosCluster => "SveltosCluster",
        ClusterType.Capi => "Cluster",
        _ => "Kubeconfig",
    };

    /// <summary>The fleet-unique key, namespace/name (Sveltos' own cluster identity, with the type).</summary>
    public string Key => $"{Kind}:{Namespace}/{Name}";

    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
