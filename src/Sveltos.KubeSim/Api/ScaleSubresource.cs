using System.Text;
using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Patching;
using Sveltos.KubeSim.Resources;
using Sveltos.KubeSim.Store;

namespace Sveltos.KubeSim.Api;

/// <summary>The /scale subresource: an autoscaling/v1 Scale view of spec.replicas that reads and writes the workload.</summary>
internal sealed class ScaleSubresource(ObjectWriter writer)
{
    public JsonObject Read(ResourceType type, string ns, string name) =>
        ToScale(writer.Store.Get(type.Key, ns, name) ?? throw ApiException.NotFound(type.Group, type.Plural, name));

    /// <summary>Applies a Scale (PUT body) or a patch of one, and writes the replicas it asks for to the workload.</summary>
    public JsonObject Write(ResourceType type, string name, string? contentType, byte[] body, WriteRequest request)
    {
        var current = Read(type, request.Namespace, name);
        JsonNode? desired;
        try
        {
            var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
            desired = mediaType switch
            {
                "application/json-patch+json" => JsonPatch.Apply(current, JsonNode.Parse(body) as JsonArray ?? throw new PatchException("a JSON patch must be an array")),
                "application/merge-patch+json" or "application/strategic-merge-patch+json" => JsonMergePatch.Apply(current, JsonNode.Parse(body)),
                "application/apply-patch+yaml" => JsonMergePatch.Apply(current, YamlToJson.ConvertSingleDocument(Encoding.UTF8.GetString(body))),
                _ => JsonNode.Parse(body),
            };
        }
        catch (PatchException e)
        {
            throw new ApiException(422, "Invalid", e.Message);
        }
        var replicas = (desired as JsonObject)?.GetObject("spec")?.GetInt64("replicas")
            ?? throw ApiException.Invalid("autoscaling", "Scale", name, [FieldError.Required("spec.replicas")]);
        var precondition = (desired as JsonObject)?.Metadata().GetString("resourceVersion");
        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } };
        if (!string.IsNullOrEmpty(precondition))
        {
            patch["metadata"] = new JsonObject { ["resourceVersion"] = precondition };
        }
        var (updated, _) = writer.Patch(type, name, "application/merge-patch+json", JsonTree.ToUtf8(patch), request with { Subresource = "" }, force: false);
        return ToScale(updated);
    }

    private static JsonObject ToScale(StoredObject obj)
    {
        var node = obj.ToNode();
        var metadata = node.Metadata();
        var selector = node.GetObject("spec")?.GetObject("selector")?.GetStringMap("matchLabels") ?? [];
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = obj.Name, ["namespace"] = obj.Namespace, ["uid"] = obj.Uid,
                ["resourceVersion"] = metadata.GetString("resourceVersion"), ["creationTimestamp"] = metadata.GetString("creationTimestamp"),
            },
            ["spec"] = new JsonObject { ["replicas"] = node.GetObject("spec")?.GetInt64("replicas") ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = node.GetObject("status")?.GetInt64("replicas") ?? 0,
                ["selector"] = string.Join(',', selector.Select(p => $"{p.Key}={p.Value}")),
            },
        };
    }
}
