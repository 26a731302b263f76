namespace Sveltos.KubeSim.Resources;

/// <summary>
/// List and map semantics of the built-in API types, matched on the last two field names of a path
/// ("containers.ports") or on the last one ("*.containers"): the merge keys kubectl and the API server use.
/// </summary>
internal sealed class BuiltInSchema : IObjectSchema
{
    public static readonly BuiltInSchema Instance = new();

    private static ListSemantics Keyed(string patchKey, params string[] keys) =>
        new(ListType.Map, keys.Length == 0 ? [patchKey] : keys, patchKey, false);

    private static readonly Dictionary<string, ListSemantics> Lists = new(StringComparer.Ordinal)
    {
        ["metadata.finalizers"] = new(ListType.Set, [], null, true),
        ["metadata.ownerReferences"] = Keyed("uid"),
        ["*.containers"] = Keyed("name"),
        ["*.initContainers"] = Keyed("name"),
        ["*.ephemeralContainers"] = Keyed("name"),
        ["containers.ports"] = Keyed("containerPort", "containerPort", "protocol"),
        ["initContainers.ports"] = Keyed("containerPort", "containerPort", "protocol"),
        ["*.env"] = Keyed("name"),
        ["*.volumeMounts"] = Keyed("mountPath"),
        ["*.volumeDevices"] = Keyed("devicePath"),
        ["spec.volumes"] = Keyed("name"),
        ["spec.imagePullSecrets"] = Keyed("name"),
        ["spec.hostAliases"] = Keyed("ip"),
        ["spec.topologySpreadConstraints"] = Keyed("topologyKey", "topologyKey", "whenUnsatisfiable"),
        ["spec.resourceClaims"] = Keyed("name"),
        ["spec.ports"] = Keyed("port", "port", "protocol"),
        ["*.conditions"] = Keyed("type"),
        ["status.addresses"] = Keyed("type"),
        ["secrets.secrets"] = Keyed("name"),
    };

    private static readonly HashSet<string> AtomicMaps = new(StringComparer.Ordinal)
    {
        "spec.selector", "*.labelSelector", "*.namespaceSelector", "*.podSelector", "*.roleRef",
    };

    public ListSemantics ListAt(IReadOnlyList<string> path)
    {
        if (path.Count >= 2 && Lists.TryGetValue(path[^2] + "." + path[^1], out var exact))
        {
            return exact;
        }
        return path.Count >= 1 && Lists.TryGetValue("*." + path[^1], out var any) ? any : ListSemantics.Atomic;
    }

    public bool IsAtomicMap(IReadOnlyList<string> path) =>
        path.Count >= 1 && (AtomicMaps.Contains("*." + path[^1]) || (path.Count >= 2 && AtomicMaps.Contains(path[^2] + "." + path[^1])));
}
