using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Apply;

/// <summary>
/// Tracks field ownership (metadata.managedFields) for every write and performs server-side apply, following
/// structured-merge-diff: Update takes over the fields it changes; Apply owns exactly what it sends, conflicts on fields
/// others own with other values, and prunes what it stopped sending when nobody else owns it.
/// </summary>
internal sealed class FieldManager(IObjectSchema schema, string subresource, bool hasStatus)
{
    private static readonly string[] IgnoredMetadata =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink"];

    /// <summary>Records a create/update/patch by <paramref name="manager"/> on the managed fields of <paramref name="after"/>.</summary>
    public void TrackUpdate(JsonObject? before, JsonObject after, string manager, string apiVersion, string now)
    {
        var managers = BaseManagers(before, after);
        var comparison = Strip(ObjectComparison.Compare(WithoutManagedFields(before), WithoutManagedFields(after)!, schema));
        var changed = comparison.Changed;
        var removed = Strip(comparison.Removed);
        for (var i = 0; i < managers.Count; i++)
        {
            managers[i] = managers[i] with { Fields = managers[i].Fields.Except(changed).Except(removed) };
        }
        var mine = managers.FindIndex(m => m.SameManagerAs(manager, ManagedFieldsEntry.Update, apiVersion, subresource));
        var previous = mine >= 0 ? managers[mine].Fields : new FieldSet();
        var owned = previous.Except(removed).Union(changed);
        var entry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Update, apiVersion, now, subresource, owned);
        if (mine >= 0)
        {
            managers[mine] = entry;
        }
        else
        {
            managers.Add(entry);
        }
        Store(after, before, managers);
    }

    /// <summary>Server-side apply of <paramref name="config"/> onto <paramref name="live"/> (empty for a create). Returns the new object or the conflicts.</summary>
    public (JsonObject? Result, IReadOnlyList<ApplyConflict> Conflicts) Apply(JsonObject? live, JsonObject config, string manager, string apiVersion, bool force, string now)
    {
        var managers = ManagedFieldsEntry.Decode(live?.Metadata().GetArray("managedFields"));
        var liveObject = WithoutManagedFields(live) ?? new JsonObject();
        var configSet = Strip(FieldSetBuilder.FromObject(config, schema));
        var mine = managers.FindIndex(m => m.SameManagerAs(manager, ManagedFieldsEntry.Apply, apiVersion, subresource));
        var lastApplied = mine >= 0 ? managers[mine].Fields : new FieldSet();

        var merged = StructuredMerge.Merge(liveObject, config, schema);
        var comparison = ObjectComparison.Compare(liveObject, merged, schema);
        var changed = Strip(comparison.Changed);
        var conflicts = new List<ApplyConflict>();
        for (var i = 0; i < managers.Count; i++)
        {
            if (i == mine)
            {
                continue;
            }
            var contested = managers[i].Fields.Intersect(changed);
            if (contested.IsEmpty)
            {
                continue;
            }
            if (force)
            {
                managers[i] = managers[i] with { Fields = managers[i].Fields.Except(contested) };
            }
            else
            {
                conflicts.AddRange(contested.Members().Select(p => new ApplyConflict(managers[i], FieldSet.Render(p))));
            }
        }
        if (conflicts.Count > 0)
        {
            return (null, conflicts);
        }

        var entry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, apiVersion, now, subresource, configSet);
        if (mine >= 0)
        {
            managers[mine] = entry;
        }
        else
        {
            managers.Add(entry);
        }
        var ownedByAnyone = managers.Aggregate(new FieldSet(), (all, m) => all.Union(m.Fields));
        StructuredMerge.Prune(merged, lastApplied.Except(configSet).Except(ownedByAnyone), ownedByAnyone, schema);
        var removed = Strip(ObjectComparison.Compare(liveObject, merged, schema).Removed);
        for (var i = 0; i < managers.Count; i++)
        {
            managers[i] = managers[i] with { Fields = managers[i].Fields.Except(removed) };
        }
        Store(merged, live, managers);
        return (merged, []);
    }

    /// <summary>The managers to start from: those in the request when it sets managedFields (a [{}] list resets them), else the live ones.</summary>
    private static List<ManagedFieldsEntry> BaseManagers(JsonObject? before, JsonObject after)
    {
        var requested = after.Metadata().GetArray("managedFields");
        return requested is { Count: > 0 } && !JsonNode.DeepEquals(requested, before?.Metadata().GetArray("managedFields"))
            ? ManagedFieldsEntry.Decode(requested)
            : ManagedFieldsEntry.Decode(before?.Metadata().GetArray("managedFields"));
    }

    /// <summary>Writes the managers into the object, keeping earlier timestamps for managers whose fields did not change.</summary>
    private static void Store(JsonObject target, JsonObject? before, List<ManagedFieldsEntry> managers)
    {
        var previous = ManagedFieldsEntry.Decode(before?.Metadata().GetArray("managedFields"));
        var result = managers.Where(m => !m.Fields.IsEmpty).Select(m =>
        {
            var old = previous.FirstOrDefault(p => p.SameManagerAs(m.Manager, m.Operation, m.ApiVersion, m.Subresource));
            return old is not null && old.Fields.SetEquals(m.Fields) ? m with { Time = old.Time } : m;
        }).ToList();
        var metadata = target.Metadata();
        if (result.Count == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = ManagedFieldsEntry.Encode(result);
        }
    }

    private static JsonObject? WithoutManagedFields(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }
        var copy = (JsonObject)obj.DeepClone();
        copy.GetObject("metadata")?.Remove("managedFields");
        return copy;
    }

    /// <summary>Drops fields nobody owns (identity and system metadata) and fields this endpoint does not manage (status or everything but status).</summary>
    private FieldSet Strip(FieldSet set)
    {
        var result = set.Clone();
        result.IsMember = false;
        result.RemoveChild("f:apiVersion");
        result.RemoveChild("f:kind");
        if (result.Find("f:metadata") is { } metadata)
        {
            metadata.IsMember = false;
            foreach (var name in IgnoredMetadata)
            {
                metadata.RemoveChild("f:" + name);
            }
        }
        if (subresource == "status")
        {
            foreach (var key in result.Children.Keys.Where(k => k != "f:status").ToList())
            {
                result.RemoveChild(key);
            }
        }
        else if (hasStatus)
        {
            result.RemoveChild("f:status");
        }
        return result;
    }

    private ObjectComparison Strip(ObjectComparison comparison)
    {
        var stripped = new ObjectComparison();
        Copy(Strip(comparison.Added), stripped.Added);
        Copy(Strip(comparison.Modified), stripped.Modified);
        Copy(Strip(comparison.Removed), stripped.Removed);
        return stripped;
    }

    private static void Copy(FieldSet from, FieldSet to)
    {
        to.IsMember = from.IsMember;
        foreach (var (key, child) in from.Children)
        {
            Copy(child, to.Child(key));
        }
    }
}
