using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>spec.clusterRefs[]: a cluster selected by name. Kind is SveltosCluster or Cluster (Cluster API).</summary>
public sealed record ClusterReference(string Kind, string? ApiVersion, string Namespace, string Name)
{
    internal static ClusterReference Read(YamlMapping m) => new(
        TreeReader.String(m, "kind") ?? "",
        TreeReader.String(m, "apiVersion"),
        TreeReader.String(m, "namespace") ?? "",
        TreeReader.String(m, "name") ?? "");
}
