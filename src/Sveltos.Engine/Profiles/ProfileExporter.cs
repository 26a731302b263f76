using System.Text.Json.Nodes;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>Writes several profiles at once.</summary>
public static class ProfileExporter
{
    /// <summary>One YAML stream with a document per profile, separated by <c>---</c>.</summary>
    public static string ToYaml(IEnumerable<ClusterProfileDocument> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return YamlDocumentWriter.Write(profiles.Select(p => p.Root));
    }

    /// <summary>A JSON array with one object per profile.</summary>
    public static JsonArray ToJsonArray(IEnumerable<ClusterProfileDocument> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return new JsonArray(profiles.Select(p => (JsonNode?)p.ToJsonObject()).ToArray());
    }
}
