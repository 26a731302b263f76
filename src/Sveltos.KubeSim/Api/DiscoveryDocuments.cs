using System.Text.Json.Nodes;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Api;

/// <summary>The discovery documents: legacy (/api, /apis, /apis/{g}, /.../{v}) and aggregated (apidiscovery.k8s.io/v2).</summary>
internal static class DiscoveryDocuments
{
    private static readonly JsonArray StatusVerbs = ["get", "patch", "update"];

    public static JsonObject Version(string gitVersion)
    {
        var parts = gitVersion.TrimStart('v').Split('.', '-', '+');
        return new JsonObject
        {
            ["major"] = parts[0],
            ["minor"] = parts.Length > 1 ? parts[1] : "0",
            ["gitVersion"] = gitVersion,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2024-01-01T00:00:00Z",
            ["goVersion"] = "go1.23.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }

    public static JsonObject CoreVersions(int port) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = $"127.0.0.1:{port}" }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(Groups(registry).Select(g => (JsonNode)Group(g.Name, g.Versions)).ToArray()),
    };

    public static JsonObject? GroupDocument(ResourceRegistry registry, string name)
    {
        var group = Groups(registry).FirstOrDefault(g => g.Name == name);
        if (group.Name is null)
        {
            return null;
        }
        var document = Group(group.Name, group.Versions);
        document["kind"] = "APIGroup";
        document["apiVersion"] = "v1";
        return document;
    }

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Serves(version)).ToList();
        if (types.Count == 0)
        {
            return null;
        }
        var resources = new JsonArray();
        foreach (var type in types)
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Strings(type.Verbs),
            };
            if (type.ShortNames.Count > 0)
            {
                resource["shortNames"] = Strings(type.ShortNames);
            }
            if (type.Categories.Count > 0)
            {
                resource["categories"] = Strings(type.Categories);
            }
            resources.Add(resource);
            if (type.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/status", ["singularName"] = "", ["namespaced"] = type.Namespaced, ["kind"] = type.Kind,
                    ["verbs"] = StatusVerbs.DeepClone(),
                });
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : group + "/" + version,
            ["resources"] = resources,
        };
    }

    /// <summary>An APIGroupDiscoveryList for the core group (/api) or for every named group (/apis).</summary>
    public static JsonObject Aggregated(ResourceRegistry registry, bool core, string discoveryVersion)
    {
        var items = new JsonArray();
        foreach (var (name, versions) in Groups(registry, includeCore: core).Where(g => (g.Name.Length == 0) == core))
        {
            var versionItems = new JsonArray();
            foreach (var version in versions)
            {
                var resources = new JsonArray();
                foreach (var type in registry.All.Where(t => t.Group == name && t.Serves(version)))
                {
                    var resource = new JsonObject
                    {
                        ["resource"] = type.Plural,
                        ["responseKind"] = Kind(type, version),
                        ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
                        ["singularResource"] = type.Singular,
                        ["verbs"] = Strings(type.Verbs),
                    };
                    if (type.ShortNames.Count > 0)
                    {
                        resource["shortNames"] = Strings(type.ShortNames);
                    }
                    if (type.Categories.Count > 0)
                    {
                        resource["categories"] = Strings(type.Categories);
                    }
                    if (type.HasStatus)
                    {
                        resource["subresources"] = new JsonArray(new JsonObject
                        {
                            ["subresource"] = "status", ["responseKind"] = Kind(type, version), ["verbs"] = StatusVerbs.DeepClone(),
                        });
                    }
                    resources.Add(resource);
                }
                versionItems.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }
            items.Add(new JsonObject { ["metadata"] = new JsonObject { ["name"] = name }, ["versions"] = versionItems });
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/" + discoveryVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static IEnumerable<(string Name, List<string> Versions)> Groups(ResourceRegistry registry, bool includeCore = false) =>
        registry.All.Select(t => t.Group).Distinct().Where(g => includeCore || g.Length > 0)
            .Select(g => (g, registry.All.Where(t => t.Group == g).SelectMany(t => t.Versions).Distinct().OrderBy(v => v, VersionPriority.Instance).ToList()));

    private static JsonObject Group(string name, List<string> versions) => new()
    {
        ["name"] = name,
        ["versions"] = new JsonArray(versions.Select(v => (JsonNode)GroupVersion(name, v)).ToArray()),
        ["preferredVersion"] = GroupVersion(name, versions[0]),
    };

    private static JsonObject GroupVersion(string group, string version) => new() { ["groupVersion"] = group + "/" + version, ["version"] = version };

    private static JsonObject Kind(ResourceType type, string version) => new() { ["group"] = type.Group, ["version"] = version, ["kind"] = type.Kind };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
