using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Content;

/// <summary>
/// Fills templated content for one cluster. A template is compiled once and rendered for every
/// cluster (one profile, hundreds of clusters); compiled templates are kept while they are in use.
/// </summary>
internal static class ContentTemplates
{
    private const int CacheLimit = 512;
    private static readonly TemplateRenderer Renderer = new();
    private static readonly ConcurrentDictionary<(string Source, string Text), CompiledTemplate> Compiled = new();

    public static string Render(string text, string source, TemplateData data, CancellationToken cancellationToken)
    {
        if (Compiled.Count > CacheLimit)
        {
            Compiled.Clear();
        }

        var template = Compiled.GetOrAdd((source, text), key => Renderer.Compile(key.Text, key.Source));
        return template.Render(data, cancellationToken);
    }

    /// <summary>Renders a field of a reference (a name, a namespace) only when it holds template markup.</summary>
    public static string RenderField(string text, string source, TemplateData data, CancellationToken cancellationToken) =>
        text.Contains("{{", StringComparison.Ordinal) ? Render(text, source, data, cancellationToken).Trim() : text;

    /// <summary>The cluster as templates see it: the fleet's object, or its identity and labels when the fleet has none.</summary>
    public static JsonObject ClusterObject(FleetCluster cluster) =>
        cluster.Object ?? new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = cluster.Name,
                ["namespace"] = cluster.Namespace,
                ["labels"] = Kube.KubeObject.ToJson(cluster.Labels),
            },
        };
}
