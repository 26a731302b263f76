using System.Text.Json;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>Reads and writes deployment records: ConfigMaps in the managed cluster's projectsveltos namespace.</summary>
public static class DeploymentRecordStore
{
    public const string Namespace = "projectsveltos";
    public const string RecordLabel = "projectsveltos.io/deployment-record";
    private const string DataKey = "record.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// One record per profile in a managed cluster; in the management cluster, Local content gets one
    /// per (profile, cluster), so the cluster is part of the name.
    /// </summary>
    public static string RecordName(ProfileRef profile, string? localCluster = null)
    {
        var name = profile.Namespace.Length == 0
            ? $"sveltos-{profile.Kind.ToLowerInvariant()}-{profile.Name}"
            : $"sveltos-{profile.Kind.ToLowerInvariant()}-{profile.Namespace}-{profile.Name}";
        return localCluster is null ? name : $"{name}-local-{localCluster.Replace('/', '-')}";
    }

    /// <summary>Every record in the cluster, in one request.</summary>
    public static async Task<IReadOnlyList<DeploymentRecord>> ListAsync(KubeClient cluster, CancellationToken cancellationToken)
    {
        var configMaps = await cluster.ResolveResourceAsync("v1", "ConfigMap", cancellationToken).ConfigureAwait(false);
        var list = await cluster.ListAsync(configMaps, Namespace, $"{RecordLabel}=true", cancellationToken).ConfigureAwait(false);
        if (list.Items.Count == 0)
        {
            // A cluster without records is usually one the module never deployed to: its namespace is likely missing.
            NamespaceLikelyMissing.AddOrUpdate(cluster, new object());
        }

        var records = new List<DeploymentRecord>();
        foreach (var item in list.Items)
        {
            if (Read(item, cluster.ClusterName) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>The record a record ConfigMap holds (as listed or watched); null when it holds none.</summary>
    public static DeploymentRecord? Read(JsonObject configMap, string clusterName)
    {
        var text = KubeObject.Text(configMap["data"]?[DataKey]);
        try
        {
            return JsonSerializer.Deserialize<DeploymentRecord>(text, Json);
        }
        catch (JsonException ex)
        {
            throw new SveltosException(
                "DeploymentRecordCorrupt",
                ErrorKind.InvalidData,
                $"Cluster '{clusterName}': deployment record {Namespace}/{KubeObject.Name(configMap)} cannot be read: {ex.Message}",
                clusterName,
                "Delete the record ConfigMap to let the next sync rebuild it (objects it listed will not be pruned).",
                ex);
        }
    }

    public static async Task SaveAsync(KubeClient cluster, DeploymentRecord record, CancellationToken cancellationToken)
    {
        var configMaps = await cluster.ResolveResourceAsync("v1", "ConfigMap", cancellationToken).ConfigureAwait(false);
        var configMap = ToConfigMap(record);
        if (NamespaceLikelyMissing.TryGetValue(cluster, out _))
        {
            await EnsureNamespaceAsync(cluster, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await cluster.ApplyAsync(configMaps, configMap, FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await EnsureNamespaceAsync(cluster, cancellationToken).ConfigureAwait(false);
            await cluster.ApplyAsync(configMaps, configMap, FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the projectsveltos namespace (records and the record seal live there) when it is missing.</summary>
    public static async Task EnsureNamespaceAsync(KubeClient cluster, CancellationToken cancellationToken)
    {
        var namespaces = await cluster.ResolveResourceAsync("v1", "Namespace", cancellationToken).ConfigureAwait(false);
        var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = Namespace } };
        await cluster.ApplyAsync(namespaces, ns, FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);
        NamespaceLikelyMissing.Remove(cluster);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KubeClient, object> NamespaceLikelyMissing = new();

    public static async Task DeleteAsync(KubeClient cluster, ProfileRef profile, string? localCluster, CancellationToken cancellationToken)
    {
        var configMaps = await cluster.ResolveResourceAsync("v1", "ConfigMap", cancellationToken).ConfigureAwait(false);
        await cluster.DeleteAsync(configMaps, Namespace, RecordName(profile, localCluster), dryRun: false, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject ToConfigMap(DeploymentRecord record) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = RecordName(record.Profile, record.Local ? record.Cluster : null),
            ["namespace"] = Namespace,
            ["labels"] = new JsonObject { [RecordLabel] = "true" },
        },
        ["data"] = new JsonObject { [DataKey] = JsonSerializer.Serialize(record, Json) },
    };
}
