using System.Text.Json.Nodes;

namespace Sveltos.KubeSim.Json;

/// <summary>Orders an object's fields as the API server serialises typed objects: apiVersion, kind, metadata first; metadata fields in ObjectMeta order.</summary>
internal static class ObjectLayout
{
    private static readonly string[] MetadataOrder =
    [
        "name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    public static JsonObject Canonicalize(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var key in new[] { "apiVersion", "kind" })
        {
            if (obj.ContainsKey(key))
            {
                result[key] = obj.Detach(key);
            }
        }
        if (obj.Detach("metadata") is JsonObject metadata)
        {
            var orderedMetadata = new JsonObject();
            foreach (var key in MetadataOrder)
            {
                if (metadata.ContainsKey(key))
                {
                    orderedMetadata[key] = metadata.Detach(key);
                }
            }
            foreach (var key in metadata.Select(p => p.Key).ToList())
            {
                orderedMetadata[key] = metadata.Detach(key);
            }
            result["metadata"] = orderedMetadata;
        }
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            result[key] = obj.Detach(key);
        }
        return result;
    }
}
