using System.Text.Json;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Classify;

/// <summary>
/// Which classifier set which label on a cluster, kept on the cluster object itself as one annotation holding a
/// JSON map of label key → classifier name. Any runner reads the same record; a label not in it was set by someone
/// else and is never removed by classification.
/// </summary>
public static class LabelOwnership
{
    public const string Annotation = "classifier.pwsh.projectsveltos.io/label-owners";

    public static IReadOnlyDictionary<string, string> Read(FleetCluster cluster)
    {
        var annotations = cluster.Object is null ? new Dictionary<string, string>() : KubeObject.Annotations(cluster.Object);
        if (!annotations.TryGetValue(Annotation, out var text) || text.Length == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(text) is { } owners
                ? new Dictionary<string, string>(owners, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // An unreadable record owns nothing: classification then only adds, never removes.
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    /// <summary>The annotation value for <paramref name="owners"/>; null (remove the annotation) when empty.</summary>
    public static string? Write(IReadOnlyDictionary<string, string> owners) =>
        owners.Count == 0 ? null : JsonSerializer.Serialize(new SortedDictionary<string, string>(owners.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal));
}
