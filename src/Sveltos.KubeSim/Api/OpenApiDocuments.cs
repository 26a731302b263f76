using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Api;

/// <summary>
/// Just enough OpenAPI for kubectl: v3 documents per group-version whose PATCH operations carry the resource's
/// group-version-kind and the fieldValidation parameter (so kubectl validates server-side, not from schemas), and an empty v2.
/// Strategic merge patch is deliberately not declared: kubectl then builds such patches from its compiled-in types.
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject V2(string version) => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = version },
        ["paths"] = new JsonObject(),
        ["definitions"] = new JsonObject(),
    };

    public static JsonObject V3Root(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var (group, version) in GroupVersions(registry))
        {
            var key = GroupVersionPath(group, version);
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(GroupVersion(registry, group, version, "hash"))}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document for "api/v1" or "apis/{group}/{version}", or null when that group-version is not served.</summary>
    public static JsonObject? GroupVersionDocument(ResourceRegistry registry, string path, string clusterVersion)
    {
        var match = GroupVersions(registry).FirstOrDefault(gv => GroupVersionPath(gv.Group, gv.Version) == path);
        return match.Version is null ? null : GroupVersion(registry, match.Group, match.Version, clusterVersion);
    }

    private static JsonObject GroupVersion(ResourceRegistry registry, string group, string version, string clusterVersion)
    {
        var paths = new JsonObject();
        foreach (var type in registry.All.Where(t => t.Group == group && t.Serves(version)))
        {
            var prefix = "/" + GroupVersionPath(group, version) + (type.Namespaced ? "/namespaces/{namespace}/" : "/") + type.Plural + "/{name}";
            paths[prefix] = new JsonObject { ["patch"] = PatchOperation(type, version) };
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = clusterVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject PatchOperation(ResourceType type, string version)
    {
        JsonObject Query(string name) => new() { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } };
        var content = new JsonObject();
        foreach (var mediaType in new[] { "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json" })
        {
            content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } };
        }
        return new JsonObject
        {
            ["operationId"] = "patch" + type.Kind,
            ["parameters"] = new JsonArray(Query("dryRun"), Query("fieldManager"), Query("fieldValidation"), Query("force")),
            ["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true },
            ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
            ["x-kubernetes-action"] = "patch",
            ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["version"] = version, ["kind"] = type.Kind },
        };
    }

    private static IEnumerable<(string Group, string Version)> GroupVersions(ResourceRegistry registry) =>
        registry.All.SelectMany(t => t.Versions.Select(v => (t.Group, v))).Distinct();

    private static string GroupVersionPath(string group, string version) => group.Length == 0 ? "api/" + version : $"apis/{group}/{version}";

    private static string Hash(JsonObject document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())))[..32];
}
