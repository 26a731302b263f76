using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Fleet;

public enum FleetKind
{
    /// <summary>No fleet: every context of the kubeconfig is a cluster (read-only, no labels).</summary>
    Kubeconfig,
    Directory,
    ManagementCluster,
}

/// <summary>Which fleet to open: a directory, a management cluster context, or plain kubeconfig contexts.</summary>
public sealed record FleetTarget(FleetKind Kind, string? Path, string? Context, IReadOnlyList<string>? KubeconfigPaths)
{
    public static FleetTarget ForDirectory(string path, IReadOnlyList<string>? kubeconfigPaths) => new(FleetKind.Directory, path, null, kubeconfigPaths);

    public static FleetTarget ForManagementCluster(string context, IReadOnlyList<string>? kubeconfigPaths) => new(FleetKind.ManagementCluster, null, context, kubeconfigPaths);

    public static FleetTarget ForKubeconfig(IReadOnlyList<string>? kubeconfigPaths) => new(FleetKind.Kubeconfig, null, null, kubeconfigPaths);

    public string Describe() => Kind switch
    {
        FleetKind.Directory => $"fleet directory '{Path}'",
        FleetKind.ManagementCluster => $"management cluster '{Context}'",
        _ => "kubeconfig contexts",
    };

    /// <summary>Opens the fleet. The management cluster is contacted lazily, by the first request.</summary>
    public IFleet Open(KubeClientOptions? options = null) => Kind switch
    {
        FleetKind.Directory => new DirectoryFleet(Path!, KubeconfigPaths),
        FleetKind.ManagementCluster => new ManagementClusterFleet(KubeClientFactory.Create(KubeconfigLoader.Load(KubeconfigPaths).Resolve(Context!), options)),
        _ => new KubeconfigFleet(KubeconfigLoader.Load(KubeconfigPaths)),
    };
}
