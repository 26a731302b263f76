using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;
using Sveltos.KubeSim.Store;

namespace Sveltos.KubeSim.Api;

/// <summary>Server-side printing: the meta.k8s.io Table kubectl get asks for.</summary>
internal static class TableBuilder
{
    public static bool Wanted(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Build(ResourceType type, string version, IEnumerable<StoredObject> objects, long resourceVersion, string? includeObject, string? continueToken = null)
    {
        var rows = new JsonArray();
        foreach (var stored in objects)
        {
            var obj = stored.ToNode(version);
            rows.Add(new JsonObject
            {
                ["cells"] = new JsonArray(type.Columns.Select(c => SafeCell(c, obj)).ToArray()),
                ["object"] = includeObject == "Object" ? obj : PartialMetadata(obj, includeObject),
            });
        }
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = new JsonArray(type.Columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["type"] = c.Type, ["format"] = c.Format, ["description"] = c.Description, ["priority"] = c.Priority,
            }).ToArray()),
            ["rows"] = rows,
        };
    }

    private static JsonNode? SafeCell(TableColumn column, JsonObject obj)
    {
        try
        {
            return column.Cell(obj) ?? "<none>";
        }
        catch (InvalidOperationException)
        {
            return "<invalid>";
        }
    }

    private static JsonNode? PartialMetadata(JsonObject obj, string? includeObject)
    {
        if (includeObject == "None")
        {
            return null;
        }
        var metadata = (JsonObject)obj.Metadata().DeepClone();
        metadata.Remove("managedFields");
        return new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = metadata };
    }
}
