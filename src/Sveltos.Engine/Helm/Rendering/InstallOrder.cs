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

    /// <summary>Helm's uninstall order (releaseutil.UninstallOrder): webhooks first so they cannot block the rest, namespaces last.</summary>
    public static IReadOnlyList<string> UninstallKinds { get; } =
    [
        "ValidatingWebhookConfiguration",
        "MutatingWebhookConfiguration",
        "APIService",
        "Ingress",
        "IngressClass",
        "Service",
        "CronJob",
        "Job",
        "StatefulSet",
        "HorizontalPodAutoscaler",
        "Deployment",
        "ReplicaSet",
        "ReplicationController",
        "Pod",
        "DaemonSet",
        "RoleBindingList",
        "RoleBinding",
        "RoleList",
        "Role",
        "ClusterRoleBindingList",
        "ClusterRoleBinding",
        "ClusterRoleList",
        "ClusterRole",
        "CustomResourceDefinition",
        "PersistentVolumeClaim",
        "PersistentVolume",
        "StorageClass",
        "ConfigMap",
        "SecretList",
        "Secret",
        "ServiceAccount",
        "PodDisruptionBudget",
        "PodSecurityPolicy",
        "LimitRange",
        "ResourceQuota",
        "NetworkPolicy",
        "Namespace",
        "PriorityClass",
    ];

    private static readonly Dictionary<string, int> UninstallRank = UninstallKinds.Select((kind, i) => (kind, i)).ToDictionary(p => p.kind, p => p.i, StringComparer.Ordinal);

    /// <summary>
    /// Sorts for deletion in Helm's uninstall order. Kinds Helm does not list (custom resources) go just before the
    /// CustomResourceDefinitions, alphabetically, so no custom resource outlives its definition.
    /// </summary>
    public static IReadOnlyList<T> SortForUninstall<T>(IEnumerable<T> items, Func<T, string> kindOf)
    {
        var customRank = UninstallRank["CustomResourceDefinition"] - 0.5;
        return items
            .Select(item => (Item: item, Kind: kindOf(item) ?? ""))
            .OrderBy(p => UninstallRank.TryGetValue(p.Kind, out var rank) ? rank : customRank)
            .ThenBy(p => UninstallRank.ContainsKey(p.Kind) ? "" : p.Kind, StringComparer.Ordinal)
            .Select(p => p.Item)
            .ToList();
    }

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
