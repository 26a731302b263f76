using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Cli;

/// <summary>
/// A fleet file: <c>management: NAME</c> and <c>clusters:</c> as a list of {name, version, nodes, nodeLabels} or a map
/// from cluster name to {version, nodes, nodeLabels}.
/// </summary>
internal sealed record FleetFile(string? Management, IReadOnlyList<ClusterSpec> Clusters)
{
    public static FleetFile Read(string path)
    {
        var root = YamlToJson.ConvertSingleDocument(File.ReadAllText(path)) as JsonObject
            ?? throw new ArgumentException($"{path}: a fleet file is a YAML mapping");
        var clusters = new List<ClusterSpec>();
        switch (root["clusters"])
        {
            case JsonArray list:
                clusters.AddRange(list.OfType<JsonObject>().Select(c => Spec(c.GetString("name") ?? throw new ArgumentException($"{path}: every cluster needs a name"), c)));
                break;
            case JsonObject map:
                clusters.AddRange(map.Select(p => Spec(p.Key, p.Value as JsonObject ?? [])));
                break;
        }
        return new FleetFile(root.GetString("management"), clusters);
    }

    private static ClusterSpec Spec(string name, JsonObject settings)
    {
        var spec = new ClusterSpec(name)
        {
            Version = settings.GetString("version") ?? "v1.32.0",
            Nodes = (int)(settings.GetInt64("nodes") ?? 1),
            IsManagement = settings["management"]?.GetValue<bool>() == true,
        };
        foreach (var (key, value) in settings.GetStringMap("nodeLabels"))
        {
            spec.NodeLabels[key] = value;
        }
        return spec;
    }
}
