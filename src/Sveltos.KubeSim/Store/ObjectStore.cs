using System.Text.Json.Nodes;
using Sveltos.KubeSim.Api;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Store;

/// <summary>
/// One cluster's objects, its resourceVersion counter and its bounded event history. Callers hold <see cref="Gate"/>
/// across read-modify-write so every write of a cluster is serialised, as etcd does.
/// </summary>
internal sealed class ObjectStore(int historyCapacity)
{
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _collections = new(StringComparer.Ordinal);
    private readonly Queue<StoreEvent> _history = new();
    private readonly List<WatchSubscription> _subscriptions = [];
    private long _compactedThrough;

    public Lock Gate { get; } = new();

    public long ResourceVersion { get; private set; }

    public int HistoryCapacity
    {
        get;
        set
        {
            lock (Gate)
            {
                field = Math.Max(1, value);
                Compact();
            }
        }
    } = Math.Max(1, historyCapacity);

    public StoredObject? Get(string typeKey, string ns, string name)
    {
        lock (Gate)
        {
            return _collections.TryGetValue(typeKey, out var objects) && objects.TryGetValue(StoredObject.StoreKey(ns, name), out var found) ? found : null;
        }
    }

    /// <summary>Objects of a type in key order, optionally in one namespace and after a key (for paging). Caller holds the gate.</summary>
    public IEnumerable<StoredObject> Scan(string typeKey, string? ns, string? afterKey = null)
    {
        if (!_collections.TryGetValue(typeKey, out var objects))
        {
            yield break;
        }
        foreach (var (key, obj) in objects)
        {
            if ((ns is null || obj.Namespace == ns) && (afterKey is null || string.CompareOrdinal(key, afterKey) > 0))
            {
                yield return obj;
            }
        }
    }

    public int Count(string typeKey) => _collections.TryGetValue(typeKey, out var objects) ? objects.Count : 0;

    /// <summary>Stores a new state of an object under the next resourceVersion and records the event. Caller holds the gate.</summary>
    public StoredObject Put(ResourceType type, string version, JsonObject obj, StoredObject? previous)
    {
        var rv = ResourceVersion + 1;
        obj.Metadata()["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = Snapshot(type, version, obj, rv);
        if (!_collections.TryGetValue(type.Key, out var objects))
        {
            objects = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            _collections[type.Key] = objects;
        }
        objects[stored.Key] = stored;
        ResourceVersion = rv;
        Record(new StoreEvent(rv, previous is null ? StoreEventType.Added : StoreEventType.Modified, stored, previous));
        return stored;
    }

    /// <summary>Removes an object; the DELETED event carries its final state under a new resourceVersion. Caller holds the gate.</summary>
    public StoredObject Remove(StoredObject existing, JsonObject? finalState = null)
    {
        var rv = ResourceVersion + 1;
        var final = finalState ?? existing.ToNode();
        final.Metadata()["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = Snapshot(existing.Type, existing.Version, final, rv);
        _collections[existing.Type.Key].Remove(existing.Key);
        ResourceVersion = rv;
        Record(new StoreEvent(rv, StoreEventType.Deleted, stored, existing));
        return stored;
    }

    /// <summary>Builds the stored form of an object without storing it (dry runs use it too).</summary>
    public static StoredObject Snapshot(ResourceType type, string version, JsonObject obj, long rv)
    {
        var metadata = obj.Metadata();
        return new StoredObject
        {
            Type = type,
            Version = version,
            Namespace = metadata.GetString("namespace") ?? "",
            Name = metadata.GetString("name") ?? "",
            Uid = metadata.GetString("uid") ?? "",
            ResourceVersion = rv,
            Labels = metadata.GetStringMap("labels"),
            IsTerminating = metadata.ContainsKey("deletionTimestamp"),
            HasFinalizers = metadata.GetArray("finalizers") is { Count: > 0 },
            OwnerUids = metadata.GetArray("ownerReferences")?.OfType<JsonObject>().Select(o => o.GetString("uid") ?? "").ToArray() ?? [],
            Json = JsonTree.ToUtf8(obj),
        };
    }

    /// <summary>
    /// Starts a watch. With no resourceVersion the caller gets the current objects to send as ADDED; with one, the
    /// history after it (410 Gone when that part of the history was compacted).
    /// </summary>
    public (WatchSubscription Subscription, IReadOnlyList<StoreEvent> Backlog) Subscribe(ResourceType type, string? ns, long? sinceRv)
    {
        lock (Gate)
        {
            var subscription = new WatchSubscription(this, type.Key, ns);
            List<StoreEvent> backlog;
            if (sinceRv is null)
            {
                backlog = Scan(type.Key, ns).Select(o => new StoreEvent(o.ResourceVersion, StoreEventType.Added, o, null)).ToList();
            }
            else
            {
                if (sinceRv < _compactedThrough)
                {
                    throw ApiException.Gone($"too old resource version: {sinceRv} ({_compactedThrough + 1})");
                }
                backlog = _history.Where(e => e.ResourceVersion > sinceRv && subscription.Wants(e)).ToList();
            }
            _subscriptions.Add(subscription);
            return (subscription, backlog);
        }
    }

    /// <summary>A feed of every change in the cluster (the simulated controllers use it).</summary>
    public WatchSubscription SubscribeAll()
    {
        lock (Gate)
        {
            var subscription = new WatchSubscription(this, null, null);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    public void Unsubscribe(WatchSubscription subscription)
    {
        lock (Gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    /// <summary>Ends every watch on a resource that is no longer served. Caller holds the gate.</summary>
    public void CloseWatches(string typeKey)
    {
        foreach (var subscription in _subscriptions.Where(s => s.TypeKey == typeKey).ToList())
        {
            subscription.Complete();
            _subscriptions.Remove(subscription);
        }
    }

    private void Record(StoreEvent e)
    {
        _history.Enqueue(e);
        Compact();
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Wants(e))
            {
                subscription.Publish(e);
            }
        }
    }

    private void Compact()
    {
        while (_history.Count > HistoryCapacity)
        {
            _compactedThrough = _history.Dequeue().ResourceVersion;
        }
    }
}
