using System.Text.Json.Nodes;
using Sveltos.Engine.Content;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Deploy;

/// <summary>Hashes the inputs of a (profile, cluster) pair: the profile's spec, the content objects and the source versions.</summary>
public static class ContentHash
{
    public static string Of(ClusterProfileDocument profile, IEnumerable<ContentObject> objects, IEnumerable<SourceVersion> sources)
    {
        var inputs = new JsonArray
        {
            profile.ToJsonObject()["spec"]?.DeepClone(),
            new JsonArray(objects.Select(o => (JsonNode)new JsonObject
            {
                ["object"] = o.RenderedFrom is null ? o.Object.DeepClone() : o.RenderedFrom,
                ["source"] = o.Source.ToString(),
                ["reason"] = o.Reason,
            }).ToArray()),
            new JsonArray(sources.Select(s => (JsonNode)$"{s.Kind}/{s.Namespace}/{s.Name}@{s.ResourceVersion}").ToArray()),
        };
        return ObjectHasher.Hash(inputs);
    }
}
