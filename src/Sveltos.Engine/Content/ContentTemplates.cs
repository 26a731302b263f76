using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Content;

/// <summary>
/// Fills templated content for one cluster. A template is compiled once and rendered for every
/// cluster (one profile, hundreds of clusters); compiled templates are kept while they are in use.
/// Two languages: Scriban, the module's own, and Go text/template with Sprig, in which Sveltos
/// profiles are written. The annotation <see cref="LanguageAnnotation"/> names one; without it the
/// syntax decides, so profiles from Sveltos run unchanged.
/// </summary>
internal static class ContentTemplates
{
    /// <summary>"go" or "scriban" on a ConfigMap/Secret; absent: detected from the template's syntax.</summary>
    public const string LanguageAnnotation = "pwsh.projectsveltos.io/template-language";

    private const int CacheLimit = 512;
    private static readonly TemplateRenderer Scriban = new();
    private static readonly GoTemplateRenderer Go = new();
    private static readonly ConcurrentDictionary<(string Source, string Text, string? Language), Func<TemplateData, CancellationToken, string>> Compiled = new();

    public static string Render(string text, string source, TemplateData data, CancellationToken cancellationToken, string? language = null)
    {
        if (Compiled.Count > CacheLimit)
        {
            Compiled.Clear();
        }

        var template = Compiled.GetOrAdd((source, text, language?.ToLowerInvariant()), key => Compile(key.Text, key.Source, key.Language));
        return template(data, cancellationToken);
    }

    /// <summary>Renders a field of a reference (a name, a namespace) only when it holds template markup.</summary>
    public static string RenderField(string text, string source, TemplateData data, CancellationToken cancellationToken) =>
        text.Contains("{{", StringComparison.Ordinal) ? Render(text, source, data, cancellationToken).Trim() : text;

    private static Func<TemplateData, CancellationToken, string> Compile(string text, string source, string? language)
    {
        switch (language)
        {
            case "go":
                return Go.Compile(text, source).Render;
            case "scriban":
                return Scriban.Compile(text, source).Render;
            case null:
                try
                {
                    return Scriban.Compile(text, source).Render;
                }
                catch (TemplateException ex) when (ex.ErrorId == TemplateErrorIds.GoTemplateNotSupported)
                {
                    return Go.Compile(text, source).Render;
                }

            default:
                throw new ContentException(
                    "TemplateLanguageUnknown",
                    $"{source}: annotation {LanguageAnnotation} is '{language}'; it must be 'go' or 'scriban'.",
                    source);
        }
    }

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
