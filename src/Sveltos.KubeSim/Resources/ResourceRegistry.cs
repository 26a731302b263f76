namespace Sveltos.KubeSim.Resources;

/// <summary>The resources one cluster serves: the built-ins plus whatever its CRDs define. Reads are lock-free snapshots.</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private volatile IReadOnlyList<ResourceType> _all;

    public ResourceRegistry()
    {
        _all = BuiltInResources.All;
    }

    public IReadOnlyList<ResourceType> All => _all;

    public ResourceType? Find(string group, string version, string plural)
    {
        foreach (var type in _all)
        {
            if (type.Plural == plural && type.Group == group && type.Serves(version))
            {
                return type;
            }
        }
        return null;
    }

    public ResourceType? FindByKind(string group, string version, string kind) =>
        _all.FirstOrDefault(t => t.Kind == kind && t.Group == group && t.Serves(version));

    public ResourceType? FindByKey(string key) => _all.FirstOrDefault(t => t.Key == key);

    public bool GroupVersionExists(string group, string version) => _all.Any(t => t.Group == group && t.Serves(version));

    /// <summary>Adds or replaces a resource (a CRD was created or changed).</summary>
    public void Register(ResourceType type)
    {
        lock (_gate)
        {
            var next = _all.Where(t => t.Key != type.Key).ToList();
            next.Add(type);
            _all = next;
        }
    }

    public void Unregister(string key)
    {
        lock (_gate)
        {
            _all = _all.Where(t => t.Key != key).ToList();
        }
    }
}
