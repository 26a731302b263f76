namespace Sveltos.KubeSim.Resources;

/// <summary>The built-in resources every simulated cluster serves.</summary>
internal static class BuiltInResources
{
    public static readonly ResourceType Namespaces = Core("Namespace", "namespaces", false, ["ns"], status: true, columns: BuiltInColumns.Namespaces,
        verbs: ["create", "delete", "get", "list", "patch", "update", "watch"]);

    public static readonly ResourceType Nodes = Core("Node", "nodes", false, ["no"], status: true, columns: BuiltInColumns.Nodes);

    public static readonly ResourceType CustomResourceDefinitions = new()
    {
        Group = "apiextensions.k8s.io", Kind = "CustomResourceDefinition", Plural = "customresourcedefinitions", Namespaced = false,
        Versions = ["v1"], ShortNames = ["crd", "crds"], HasStatus = true, Columns = BuiltInColumns.CustomResourceDefinitions,
    };

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Namespaces,
        Core("ConfigMap", "configmaps", true, ["cm"], columns: BuiltInColumns.ConfigMaps),
        Core("Secret", "secrets", true, [], columns: BuiltInColumns.Secrets),
        Core("Service", "services", true, ["svc"], status: true, columns: BuiltInColumns.Services, categories: ["all"]),
        Core("ServiceAccount", "serviceaccounts", true, ["sa"]),
        Nodes,
        Core("Pod", "pods", true, ["po"], status: true, columns: BuiltInColumns.Pods, categories: ["all"]),
        Core("Event", "events", true, ["ev"]),
        Core("Endpoints", "endpoints", true, ["ep"], singular: "endpoints", listKind: "EndpointsList"),
        Core("PersistentVolumeClaim", "persistentvolumeclaims", true, ["pvc"], status: true),
        Core("PersistentVolume", "persistentvolumes", false, ["pv"], status: true),
        Core("ResourceQuota", "resourcequotas", true, ["quota"], status: true),
        Core("LimitRange", "limitranges", true, ["limits"]),
        Apps("Deployment", "deployments", ["deploy"], BuiltInColumns.Deployments),
        Apps("StatefulSet", "statefulsets", ["sts"], BuiltInColumns.StatefulSets),
        Apps("DaemonSet", "daemonsets", ["ds"], BuiltInColumns.DaemonSets),
        Apps("ReplicaSet", "replicasets", ["rs"], BuiltInColumns.ReplicaSets),
        Grouped("apps", "ControllerRevision", "controllerrevisions", true, []),
        Grouped("batch", "Job", "jobs", true, [], status: true, columns: BuiltInColumns.Jobs, categories: ["all"]),
        Grouped("batch", "CronJob", "cronjobs", true, ["cj"], status: true, categories: ["all"]),
        Grouped("rbac.authorization.k8s.io", "Role", "roles", true, []),
        Grouped("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true, []),
        Grouped("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false, []),
        Grouped("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false, []),
        Grouped("networking.k8s.io", "Ingress", "ingresses", true, ["ing"], status: true),
        Grouped("networking.k8s.io", "NetworkPolicy", "networkpolicies", true, ["netpol"]),
        Grouped("networking.k8s.io", "IngressClass", "ingressclasses", false, []),
        Grouped("policy", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"], status: true),
        Grouped("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, ["hpa"], status: true, version: "v2"),
        Grouped("coordination.k8s.io", "Lease", "leases", true, []),
        Grouped("storage.k8s.io", "StorageClass", "storageclasses", false, ["sc"]),
        Grouped("scheduling.k8s.io", "PriorityClass", "priorityclasses", false, ["pc"]),
        CustomResourceDefinitions,
    ];

    private static ResourceType Core(string kind, string plural, bool namespaced, string[] shortNames, bool status = false,
        IReadOnlyList<TableColumn>? columns = null, string[]? categories = null, IReadOnlyList<string>? verbs = null,
        string? singular = null, string? listKind = null) =>
        Grouped("", kind, plural, namespaced, shortNames, status, columns, categories, verbs: verbs, singular: singular, listKind: listKind);

    private static ResourceType Apps(string kind, string plural, string[] shortNames, IReadOnlyList<TableColumn> columns) =>
        Grouped("apps", kind, plural, true, shortNames, status: true, columns: columns, categories: ["all"]);

    private static ResourceType Grouped(string group, string kind, string plural, bool namespaced, string[] shortNames,
        bool status = false, IReadOnlyList<TableColumn>? columns = null, string[]? categories = null, string version = "v1",
        IReadOnlyList<string>? verbs = null, string? singular = null, string? listKind = null) => new()
    {
        Group = group, Kind = kind, Plural = plural, Namespaced = namespaced, Versions = [version], ShortNames = shortNames,
        HasStatus = status, Columns = columns ?? BuiltInColumns.NameAge, Categories = categories ?? [],
        Verbs = verbs ?? ResourceType.StandardVerbs, SingularName = singular, ListKindName = listKind,
    };
}
