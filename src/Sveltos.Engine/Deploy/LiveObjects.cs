using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// The live objects a cluster's plans compare with, each kind read at most once: the tracked objects by one
/// LIST of the kind (label <see cref="Tracking.ReasonLabel"/>, every namespace), shared by every profile planned
/// on the cluster; an object the list does not hold is read by itself, unless its namespace does not exist.
/// One instance per cluster and plan; not shared between threads.
/// </summary>
public sealed class LiveObjects(KubeClient client)
{
    private readonly Dictionary<(string Group, string Kind), Dictionary<ObjectKey, JsonObject>> listed = [];
    private readonly NamespaceProbe namespaces = new(client);
    private RecordSeal? seal;

    public KubeClient Client => client;

    /// <summary>
    /// The live object, or null when it does not exist. <paramref name="tracked"/>: it is believed deployed, so its
    /// kind is listed (once) and the list answers; an object missing from the list is then read by itself.
    /// </summary>
    public async Task<JsonObject?> GetAsync(ObjectKey key, bool tracked, CancellationToken cancellationToken)
    {
        if (tracked || listed.ContainsKey((key.Group, key.Kind)))
        {
            if ((await ListAsync(key, cancellationToken).ConfigureAwait(false)).TryGetValue(key, out var found))
            {
                return found;
            }
        }

        if (key.Namespace.Length > 0 && !await namespaces.ExistsAsync(key.Namespace, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (key is { Group: "", Kind: "Namespace" })
        {
            return await namespaces.GetAsync(key.Name, cancellationToken).ConfigureAwait(false);
        }

        // A custom resource whose CRD arrives in the same sync is not served yet: it does not exist.
        var resource = await client.FindResourceAsync(key.ApiVersion, key.Kind, cancellationToken).ConfigureAwait(false);
        return resource is null ? null : await client.GetAsync(resource, key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cluster's record seal (read once, when a record holds a sealed hash); <see cref="RecordSeal.None"/> when none does.</summary>
    public async Task<RecordSeal> SealForAsync(DeploymentRecord? record, CancellationToken cancellationToken)
    {
        if (record is null || !RecordSeal.Needed(record))
        {
            return seal ?? RecordSeal.None;
        }

        return seal ??= await RecordSeal.ReadAsync(client, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<ObjectKey, JsonObject>> ListAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (listed.TryGetValue((key.Group, key.Kind), out var known))
        {
            return known;
        }

        var items = new Dictionary<ObjectKey, JsonObject>();
        if (await client.FindResourceAsync(key.ApiVersion, key.Kind, cancellationToken).ConfigureAwait(false) is { } resource)
        {
            foreach (var item in (await client.ListAsync(resource, null, Tracking.ReasonLabel, cancellationToken).ConfigureAwait(false)).Items)
            {
                items[ObjectKey.Of(item)] = item;
            }
        }

        listed[(key.Group, key.Kind)] = items;
        return items;
    }
}
