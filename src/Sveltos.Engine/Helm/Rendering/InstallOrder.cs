namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// Helm's install order by kind (releaseutil.InstallOrder). Sorting is stable: known kinds in list order, then
/// unknown kinds (custom resources) alphabetically by kind; documents of equal rank keep their order.
/// </summary>
public static class InstallOrder
{
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "PriorityClass",
        "Namespace",
        "NetworkPolicy",
        "ResourceQuota",
        "LimitRange",
        "PodSecurityPolicy",
        "PodDisruptionBudget",
        "ServiceAccount",
        "Secret",
        "SecretList",
        "ConfigMap",
        "StorageClass",
        "PersistentVolume",
        "PersistentVolumeClaim",
        "CustomResourceDefinition",
        "ClusterRole",
        "ClusterRoleList",
        "ClusterRoleBinding",
        "ClusterRoleBindingList",
        "Role",
        "RoleList",
        "RoleBinding",
        "RoleBindingList",
        "Service",
        "DaemonSet",
        "Pod",
        "ReplicationController",
        "ReplicaSet",
        "Deployment",
        "HorizontalPodAutoscaler",
        "StatefulSet",
        "Job",
        "CronJob",
        "IngressClass",
        "Ingress",
        "APIService",
    ];

    private static readonly Dictionary<string, int> Rank = Kinds.Select((kind, i) => (kind, i)).ToDictionary(p => p.kind, p => p.i, StringComparer.Ordinal);

    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, string> kindOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(kindOf);

        // LINQ's OrderBy is stable, as Go's sort.SliceStable is.
        return items
            .Select(item => (Item: item, Kind: kindOf(item) ?? ""))
            .OrderBy(p => Rank.TryGetValue(p.Kind, out var rank) ? rank : Kinds.Count)
            .ThenBy(p => Rank.ContainsKey(p.Kind) ? "" : p.Kind, StringComparer.Ordinal)
            .Select(p => p.Item)
            .ToList();
    }
}
