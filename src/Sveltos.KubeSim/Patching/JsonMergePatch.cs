using System.Text.Json.Nodes;

namespace Sveltos.KubeSim.Patching;

/// <summary>RFC 7386 JSON merge patch (application/merge-patch+json).</summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }
            var current = result.TryGetPropertyValue(key, out var existing) ? existing : null;
            var merged = Apply(current, value);
            if (!ReferenceEquals(merged, current))
            {
                result[key] = merged;
            }
        }
        return result;
    }
}
