using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sveltos.KubeSim.Apply;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Patching;
using Sveltos.KubeSim.Resources;
using Sveltos.KubeSim.Store;

namespace Sveltos.KubeSim.Api;

/// <summary>
/// Every write to a cluster: create, replace, patch, server-side apply, delete. Applies the API server's rules on the way:
/// validation, defaults, immutable metadata, generation, status subresource, field ownership, finalizers, namespace and
/// CRD life cycles, and garbage collection of dependents.
/// </summary>
/// <remarks>
/// With a <paramref name="namespaceCleanupDelay"/>, deleting a namespace only marks it Terminating and its contents go a
/// moment later, as the namespace controller does (so "kubectl delete -f" of a namespace and its objects succeeds).
/// </remarks>
internal sealed class ObjectWriter(ObjectStore store, ResourceRegistry registry, TimeSpan namespaceCleanupDelay = default)
{
    private static readonly HashSet<string> UndeletableNamespaces = ["default", "kube-system", "kube-public"];
    private readonly Defaulter _defaulter = new();

    public ObjectStore Store => store;

    public StoredObject Create(ResourceType type, JsonObject body, WriteRequest request)
    {
        lock (store.Gate)
        {
            return CreateCore(type, body, request, tracked: false);
        }
    }

    public StoredObject Replace(ResourceType type, string name, JsonObject body, WriteRequest request)
    {
        lock (store.Gate)
        {
            var old = Existing(type, request.Namespace, name);
            CheckTypeMeta(type, body, request.Version);
            var bodyName = body.Metadata().GetString("name");
            if (bodyName != name)
            {
                throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }
            CheckNamespace(type, body, request.Namespace);
            CheckResourceVersion(type, old, body);
            return Commit(type, old, body, request, tracked: false);
        }
    }

    /// <summary>Applies a patch of any supported content type; the flag says whether server-side apply created the object.</summary>
    public (StoredObject Object, bool Created) Patch(ResourceType type, string name, string contentType, byte[] body, WriteRequest request, bool force)
    {
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        lock (store.Gate)
        {
            if (mediaType == "application/apply-patch+yaml")
            {
                return Apply(type, name, body, request, force);
            }
            var old = Existing(type, request.Namespace, name);
            var current = old.ToNode(request.Version);
            JsonNode? patched;
            try
            {
                patched = mediaType switch
                {
                    "application/json-patch+json" => JsonPatch.Apply(current, JsonNode.Parse(body) as JsonArray ?? throw new PatchException("a JSON patch must be an array of operations")),
                    "application/merge-patch+json" => JsonMergePatch.Apply(current, JsonNode.Parse(body)),
                    "application/strategic-merge-patch+json" when !type.IsCustom => StrategicMergePatch.Apply(current, ParseObject(body), type.Schema),
                    _ => throw ApiException.UnsupportedMediaType(contentType),
                };
            }
            catch (PatchException e)
            {
                throw new ApiException(422, "Invalid", e.Message);
            }
            catch (JsonException e)
            {
                throw ApiException.BadRequest("error decoding patch: " + e.Message);
            }
            if (patched is not JsonObject patchedObject)
            {
                throw ApiException.BadRequest("the patch did not produce an object");
            }
            patchedObject.Metadata()["name"] = name;
            CheckResourceVersion(type, old, patchedObject);
            return (Commit(type, old, patchedObject, request, tracked: false), false);
        }
    }

    public (StoredObject Object, bool Removed) Delete(ResourceType type, string name, JsonObject? options, WriteRequest request)
    {
        lock (store.Gate)
        {
            var old = Existing(type, request.Namespace, name);
            var preconditions = options?.GetObject("preconditions");
            if (preconditions?.GetString("uid") is { } uid && uid != old.Uid)
            {
                throw ApiException.Conflict(type.Group, type.Plural, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {old.Uid}");
            }
            if (preconditions?.GetString("resourceVersion") is { } rv && rv != old.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw ApiException.Conflict(type.Group, type.Plural, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {old.ResourceVersion}");
            }
            if (options?.GetString("propagationPolicy") == "Orphan" && !request.DryRun)
            {
                Orphan(old.Uid);
            }
            return DeleteCore(old, request);
        }
    }

    public IReadOnlyList<StoredObject> DeleteCollection(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, WriteRequest request)
    {
        lock (store.Gate)
        {
            var targets = store.Scan(type.Key, ns).Where(o => labels.Matches(o.Labels) && fields.Matches(o)).ToList();
            return targets.Select(o => DeleteCore(o, request with { Namespace = o.Namespace }).Object).ToList();
        }
    }

    /// <summary>Writes a new status for an object (the simulated controllers use it), unless it is gone or the status is unchanged.</summary>
    public StoredObject? WriteStatus(ResourceType type, string ns, string name, Func<JsonObject, JsonObject?> computeStatus, string manager)
    {
        lock (store.Gate)
        {
            var current = store.Get(type.Key, ns, name);
            if (current is null || current.IsTerminating)
            {
                return null;
            }
            var node = current.ToNode();
            var status = computeStatus(node);
            if (status is null)
            {
                return current;
            }
            node["status"] = status;
            return Commit(type, current, node, new WriteRequest(current.Version, ns, manager, false, "status"), tracked: false);
        }
    }

    private (StoredObject Object, bool Created) Apply(ResourceType type, string name, byte[] body, WriteRequest request, bool force)
    {
        if (string.IsNullOrEmpty(request.Manager))
        {
            throw ApiException.BadRequest("PATCH, fieldManager is required for apply requests");
        }
        JsonObject config;
        try
        {
            config = YamlToJson.ConvertSingleDocument(Encoding.UTF8.GetString(body)) as JsonObject
                ?? throw ApiException.BadRequest("error decoding YAML: the apply configuration is not an object");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw ApiException.BadRequest("error decoding YAML: " + e.Message);
        }
        if (string.IsNullOrEmpty(config.GetString("apiVersion")) || string.IsNullOrEmpty(config.GetString("kind")))
        {
            throw ApiException.BadRequest("invalid object type: the apply configuration must set apiVersion and kind");
        }
        CheckTypeMeta(type, config, request.Version);
        var metadata = config.Metadata();
        var configName = metadata.GetString("name");
        if (string.IsNullOrEmpty(configName))
        {
            metadata["name"] = name;
        }
        else if (configName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({configName}) does not match the name on the URL ({name})");
        }
        CheckNamespace(type, config, request.Namespace);
        if (type.Namespaced)
        {
            metadata["namespace"] = request.Namespace;
        }
        RemoveResetFields(type, config, request.Subresource);

        var old = store.Get(type.Key, request.Namespace, name);
        if (old is null && request.Subresource.Length > 0)
        {
            throw ApiException.NotFound(type.Group, type.Plural, name);
        }
        var manager = new FieldManager(type.Schema, request.Subresource, type.HasStatus);
        var (result, conflicts) = manager.Apply(old?.ToNode(request.Version), config, request.Manager, type.ApiVersion(request.Version), force, Clock.Now());
        if (conflicts.Count > 0)
        {
            throw ApiException.ApplyConflicts(conflicts);
        }
        return old is null
            ? (CreateCore(type, result!, request, tracked: true), true)
            : (Commit(type, old, result!, request, tracked: true), false);
    }

    /// <summary>Fields an endpoint does not write: status on the main resource, everything but status on /status.</summary>
    private static void RemoveResetFields(ResourceType type, JsonObject config, string subresource)
    {
        if (subresource == "status")
        {
            foreach (var key in config.Select(p => p.Key).Where(k => k is not ("apiVersion" or "kind" or "metadata" or "status")).ToList())
            {
                config.Remove(key);
            }
        }
        else if (type.HasStatus)
        {
            config.Remove("status");
        }
    }

    private StoredObject CreateCore(ResourceType type, JsonObject body, WriteRequest request, bool tracked)
    {
        CheckTypeMeta(type, body, request.Version);
        CheckNamespace(type, body, request.Namespace);
        var metadata = body.Metadata();
        if (type.Namespaced)
        {
            metadata["namespace"] = request.Namespace;
            RequireLiveNamespace(type, request.Namespace, metadata.GetString("name") ?? "");
        }
        else
        {
            metadata.Remove("namespace");
        }
        if (string.IsNullOrEmpty(metadata.GetString("name")) && metadata.GetString("generateName") is { Length: > 0 } prefix)
        {
            metadata["name"] = ObjectNames.Generate(prefix);
        }
        ObjectValidator.Validate(type, body);
        WriteConversions.Apply(type, body);
        if (type == BuiltInResources.CustomResourceDefinitions)
        {
            CustomResourceDefinitions.Validate(body);
        }
        var name = metadata.GetString("name")!;
        if (store.Get(type.Key, request.Namespace, name) is not null)
        {
            throw ApiException.AlreadyExists(type.Group, type.Plural, name);
        }
        var now = Clock.Now();
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = now;
        if (type.TracksGeneration)
        {
            metadata["generation"] = 1;
        }
        foreach (var systemField in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink" })
        {
            metadata.Remove(systemField);
        }
        if (type.HasStatus)
        {
            body.Remove("status");
        }
        _defaulter.OnCreate(type, body);
        if (type == BuiltInResources.CustomResourceDefinitions)
        {
            body["status"] = CustomResourceDefinitions.EstablishedStatus(body, now);
        }
        if (!tracked)
        {
            new FieldManager(type.Schema, "", type.HasStatus).TrackUpdate(null, body, request.Manager, type.ApiVersion(request.Version), now);
        }
        var canonical = ObjectLayout.Canonicalize(body);
        if (request.DryRun)
        {
            return ObjectStore.Snapshot(type, request.Version, canonical, 0);
        }
        var stored = store.Put(type, request.Version, canonical, null);
        AfterWrite(stored);
        return stored;
    }

    private StoredObject Commit(ResourceType type, StoredObject old, JsonObject candidate, WriteRequest request, bool tracked)
    {
        var oldNode = old.ToNode(request.Version);
        if (request.Subresource == "status")
        {
            var next = (JsonObject)oldNode.DeepClone();
            next["status"] = candidate["status"]?.DeepClone();
            if (candidate.Metadata()["managedFields"] is { } requestedManagers)
            {
                next.Metadata()["managedFields"] = requestedManagers.DeepClone();
            }
            candidate = next;
        }
        else if (type.HasStatus)
        {
            candidate["status"] = oldNode["status"]?.DeepClone();
            if (candidate["status"] is null)
            {
                candidate.Remove("status");
            }
        }
        CheckTypeMeta(type, candidate, request.Version);
        var metadata = candidate.Metadata();
        var oldMetadata = oldNode.Metadata();
        foreach (var immutable in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion" })
        {
            metadata[immutable] = oldMetadata[immutable]?.DeepClone();
            if (metadata[immutable] is null)
            {
                metadata.Remove(immutable);
            }
        }
        ObjectValidator.Validate(type, candidate);
        WriteConversions.Apply(type, candidate);
        if (type == BuiltInResources.CustomResourceDefinitions && request.Subresource.Length == 0)
        {
            CustomResourceDefinitions.Validate(candidate);
        }
        if (type.TracksGeneration && SpecChanged(oldNode, candidate))
        {
            metadata["generation"] = (oldMetadata.GetInt64("generation") ?? 1) + 1;
        }
        var now = Clock.Now();
        if (!tracked)
        {
            new FieldManager(type.Schema, request.Subresource, type.HasStatus).TrackUpdate(oldNode, candidate, request.Manager, type.ApiVersion(request.Version), now);
        }
        var canonical = ObjectLayout.Canonicalize(candidate);
        if (JsonNode.DeepEquals(oldNode, canonical))
        {
            return old;
        }
        if (canonical.Metadata().ContainsKey("deletionTimestamp") && canonical.Metadata().GetArray("finalizers") is not { Count: > 0 })
        {
            return request.DryRun ? old : RemoveCore(old, canonical);
        }
        if (request.DryRun)
        {
            return ObjectStore.Snapshot(type, request.Version, canonical, old.ResourceVersion);
        }
        var stored = store.Put(type, request.Version, canonical, old);
        AfterWrite(stored);
        return stored;
    }

    private (StoredObject Object, bool Removed) DeleteCore(StoredObject old, WriteRequest request)
    {
        var type = old.Type;
        if (type == BuiltInResources.Namespaces)
        {
            return DeleteNamespace(old, request);
        }
        if (old.HasFinalizers)
        {
            if (old.IsTerminating || request.DryRun)
            {
                return (old, false);
            }
            var node = old.ToNode();
            node.Metadata()["deletionTimestamp"] = Clock.Now();
            node.Metadata()["deletionGracePeriodSeconds"] = 0;
            return (store.Put(type, old.Version, ObjectLayout.Canonicalize(node), old), false);
        }
        return request.DryRun ? (old, true) : (RemoveCore(old, null), true);
    }

    private (StoredObject Object, bool Removed) DeleteNamespace(StoredObject ns, WriteRequest request)
    {
        if (UndeletableNamespaces.Contains(ns.Name))
        {
            throw ApiException.Forbidden("", "namespaces", ns.Name, "this namespace may not be deleted");
        }
        if (request.DryRun)
        {
            return (ns, false);
        }
        var current = ns;
        if (!ns.IsTerminating)
        {
            var node = ns.ToNode();
            node.Metadata()["deletionTimestamp"] = Clock.Now();
            node.GetOrAddObject("status")["phase"] = "Terminating";
            current = store.Put(ns.Type, ns.Version, ObjectLayout.Canonicalize(node), ns);
        }
        if (namespaceCleanupDelay > TimeSpan.Zero)
        {
            _ = CleanUpNamespaceLaterAsync(ns.Name);
            return (current, false);
        }
        return CleanUpNamespace(ns.Name) is { } removed ? (removed, true) : (current, false);
    }

    private async Task CleanUpNamespaceLaterAsync(string name)
    {
        await Task.Delay(namespaceCleanupDelay).ConfigureAwait(false);
        lock (store.Gate)
        {
            CleanUpNamespace(name);
        }
    }

    /// <summary>Deletes what a terminating namespace holds (finalizers may hold some back), then the namespace once empty.</summary>
    private StoredObject? CleanUpNamespace(string name)
    {
        foreach (var type in registry.All.Where(t => t.Namespaced))
        {
            foreach (var obj in store.Scan(type.Key, name).ToList())
            {
                DeleteCore(obj, new WriteRequest(obj.Version, name, "namespace-controller", false));
            }
        }
        return TryFinishNamespace(name);
    }

    private StoredObject? TryFinishNamespace(string name)
    {
        var ns = store.Get(BuiltInResources.Namespaces.Key, "", name);
        if (ns is null || !ns.IsTerminating || registry.All.Any(t => t.Namespaced && store.Scan(t.Key, name).Any()))
        {
            return null;
        }
        return store.Remove(ns);
    }

    private StoredObject RemoveCore(StoredObject old, JsonObject? finalState)
    {
        var removed = store.Remove(old, finalState);
        if (old.Type == BuiltInResources.CustomResourceDefinitions)
        {
            RemoveCustomResource(old);
        }
        if (old.Type.Namespaced && old.Namespace.Length > 0)
        {
            TryFinishNamespace(old.Namespace);
        }
        CollectDependents(old.Uid);
        return removed;
    }

    /// <summary>Orphan propagation: the owner's dependents lose their ownerReferences to it, so they stay.</summary>
    private void Orphan(string ownerUid)
    {
        foreach (var type in registry.All)
        {
            foreach (var dependent in store.Scan(type.Key, null).Where(o => o.OwnerUids.Contains(ownerUid)).ToList())
            {
                var node = dependent.ToNode();
                var references = node.Metadata().GetArray("ownerReferences")!;
                foreach (var reference in references.OfType<JsonObject>().Where(r => r.GetString("uid") == ownerUid).ToList())
                {
                    references.Remove(reference);
                }
                if (references.Count == 0)
                {
                    node.Metadata().Remove("ownerReferences");
                }
                store.Put(type, dependent.Version, ObjectLayout.Canonicalize(node), dependent);
            }
        }
    }

    /// <summary>Background cascading deletion: objects whose ownerReferences name a removed object go too.</summary>
    private void CollectDependents(string ownerUid)
    {
        foreach (var type in registry.All)
        {
            foreach (var dependent in store.Scan(type.Key, null).Where(o => o.OwnerUids.Contains(ownerUid)).ToList())
            {
                if (store.Get(type.Key, dependent.Namespace, dependent.Name) is { } stillThere)
                {
                    DeleteCore(stillThere, new WriteRequest(stillThere.Version, stillThere.Namespace, "garbage-collector", false));
                }
            }
        }
    }

    private void AfterWrite(StoredObject stored)
    {
        if (stored.Type == BuiltInResources.CustomResourceDefinitions && !stored.IsTerminating)
        {
            var crd = stored.ToNode();
            var served = CustomResourceDefinitions.ToResourceType(crd);
            var previous = registry.FindByKey(served.Key);
            if (previous is not null && previous.Namespaced != served.Namespaced)
            {
                return;
            }
            registry.Register(served);
        }
    }

    private void RemoveCustomResource(StoredObject crd)
    {
        var served = CustomResourceDefinitions.ToResourceType(crd.ToNode());
        foreach (var obj in store.Scan(served.Key, null).ToList())
        {
            store.Remove(obj, null);
        }
        registry.Unregister(served.Key);
        store.CloseWatches(served.Key);
    }

    private StoredObject Existing(ResourceType type, string ns, string name) =>
        store.Get(type.Key, ns, name) ?? throw ApiException.NotFound(type.Group, type.Plural, name);

    private void RequireLiveNamespace(ResourceType type, string ns, string name)
    {
        var namespaceObject = store.Get(BuiltInResources.Namespaces.Key, "", ns) ?? throw ApiException.NotFound("", "namespaces", ns);
        if (namespaceObject.IsTerminating)
        {
            throw ApiException.Forbidden(type.Group, type.Plural, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    private static void CheckTypeMeta(ResourceType type, JsonObject body, string version)
    {
        var expected = type.ApiVersion(version);
        var apiVersion = body.GetString("apiVersion");
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != expected)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({expected})");
        }
        var kind = body.GetString("kind");
        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw ApiException.BadRequest($"{kind} in version \"{version}\" cannot be handled as a {type.Kind}: the object kind does not match the resource");
        }
        body["apiVersion"] = expected;
        body["kind"] = type.Kind;
    }

    private static void CheckNamespace(ResourceType type, JsonObject body, string ns)
    {
        var bodyNamespace = body.Metadata().GetString("namespace");
        if (type.Namespaced && !string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    private static void CheckResourceVersion(ResourceType type, StoredObject old, JsonObject body)
    {
        var rv = body.Metadata().GetString("resourceVersion");
        if (!string.IsNullOrEmpty(rv) && rv != old.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw ApiException.StaleResourceVersion(type.Group, type.Plural, old.Name);
        }
    }

    private static JsonObject ParseObject(byte[] body) =>
        JsonNode.Parse(body) as JsonObject ?? throw new PatchException("a strategic merge patch must be a JSON object");

    /// <summary>Generation tracks the desired state: everything but metadata and status.</summary>
    private static bool SpecChanged(JsonObject before, JsonObject after)
    {
        var keys = before.Select(p => p.Key).Union(after.Select(p => p.Key)).Where(k => k is not ("metadata" or "status" or "apiVersion" or "kind"));
        return keys.Any(k => !JsonNode.DeepEquals(before[k], after[k]));
    }
}
