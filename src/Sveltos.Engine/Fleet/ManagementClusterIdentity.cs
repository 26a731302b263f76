using System.Net;
using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Fleet;

/// <summary>
/// A management cluster fleet's identity: the ConfigMap projectsveltos/sveltos-fleet, created by the first
/// write that needs it. Moving the fleet to another management cluster means copying this ConfigMap.
/// </summary>
internal static class ManagementClusterIdentity
{
    public const string Namespace = DeploymentRecordStore.Namespace;
    public const string Name = "sveltos-fleet";

    public static async Task<FleetIdentity?> GetAsync(KubeClient management, CancellationToken cancellationToken)
    {
        var configMaps = await management.ResolveResourceAsync("v1", "ConfigMap", cancellationToken).ConfigureAwait(false);
        var configMap = await management.GetAsync(configMaps, Namespace, Name, cancellationToken).ConfigureAwait(false);
        return configMap is null ? null : Read(configMap, management.ClusterName);
    }

    public static async Task<FleetIdentity> EnsureAsync(KubeClient management, CancellationToken cancellationToken)
    {
        if (await GetAsync(management, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var created = new FleetIdentity(FleetIdentity.NewName(management.ClusterName), new SortedSet<string>(StringComparer.Ordinal));
        await DeploymentRecordStore.EnsureNamespaceAsync(management, cancellationToken).ConfigureAwait(false);
        var configMaps = await management.ResolveResourceAsync("v1", "ConfigMap", cancellationToken).ConfigureAwait(false);
        try
        {
            await management.CreateAsync(configMaps, Namespace, ToConfigMap(created), FieldManagers.Sveltos, cancellationToken).ConfigureAwait(false);
            return created;
        }
        catch (KubeApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Another runner created it first: its identity is the fleet's.
            if (await GetAsync(management, cancellationToken).ConfigureAwait(false) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    public static async Task SaveAsync(KubeClient management, FleetIdentity identity, CancellationToken cancellationToken)
    {
        var configMaps = await management.ResolveResourceAsync("v1", "ConfigMap", cancellationToken).ConfigureAwait(false);
        await management.ApplyAsync(configMaps, ToConfigMap(identity), FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);
    }

    private static FleetIdentity Read(JsonObject configMap, string cluster)
    {
        var name = KubeObject.Text(configMap["data"]?["name"]).Trim();
        if (name.Length == 0)
        {
            throw new SveltosException(
                "FleetIdentityInvalid",
                ErrorKind.InvalidData,
                $"Management cluster '{cluster}': ConfigMap {Namespace}/{Name} has no data.name, the fleet's identity.",
                cluster,
                $"Restore data.name (the name the fleet's deployment records carry), or delete {Namespace}/{Name} if this fleet never deployed anything.");
        }

        var removed = KubeObject.Text(configMap["data"]?["removedProfiles"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new FleetIdentity(name, new SortedSet<string>(removed, StringComparer.Ordinal));
    }

    private static JsonObject ToConfigMap(FleetIdentity identity) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = Namespace },
        ["data"] = new JsonObject
        {
            ["name"] = identity.Name,
            ["removedProfiles"] = string.Join("\n", identity.RemovedProfiles),
        },
    };
}
