using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Content;

/// <summary>
/// Fills templated content for one cluster. A template is compiled once and rendered for every
/// cluster (one profile, hundreds of clusters); compiled templates are kept while they are in use.
/// Every template is Go text/template with Sprig, as the Sveltos controllers render it, so content
/// written for Sveltos runs unchanged; Scriban only where content names it with
/// <see cref="LanguageAnnotation"/>. The language is never guessed from the text: a template that
/// fails in its language is an error, at most with a hint that the text reads as the other one.
/// </summary>
internal static class ContentTemplates
{
    /// <summary>"scriban" (or "go", the default) on a ConfigMap/Secret holding templated content.</summary>
    public const string LanguageAnnotation = "pwsh.projectsveltos.io/template-language";

    private const int CacheLimit = 512;
    private static readonly TemplateRenderer Scriban = new();
    private static readonly GoTemplateRenderer Go = new();
    private static readonly ConcurrentDictionary<(string Source, string Text, TemplateLanguage Language), Func<TemplateData, CancellationToken, string>> Compiled = new();

    /// <summary>The language a content ConfigMap/Secret asks for: Go unless its annotation says scriban.</summary>
    /// <exception cref="ContentException">TemplateLanguageUnknown: the annotation names another language.</exception>
    public static TemplateLanguage LanguageOf(JsonObject source, string where) =>
        KubeObject.Annotations(source).TryGetValue(LanguageAnnotation, out var value)
            ? value.Trim().ToLowerInvariant() switch
            {
                "go" => TemplateLanguage.Go,
                "scriban" => TemplateLanguage.Scriban,
                _ => throw new ContentException(
                    "TemplateLanguageUnknown",
                    $"{where}: annotation {LanguageAnnotation} is '{value}'; it must be 'go' or 'scriban'.",
                    where,
                    "Remove the annotation (templates are Go, as in Sveltos) or set it to 'scriban'."),
            }
            : TemplateLanguage.Go;

    /// <summary>Renders templated content held in a ConfigMap or Secret.</summary>
    public static string Render(string text, string source, TemplateData data, TemplateLanguage language, CancellationToken cancellationToken)
    {
        if (Compiled.Count > CacheLimit)
        {
            Compiled.Clear();
        }

        var template = Compiled.GetOrAdd((source, text, language), key => Compile(key.Text, key.Source, key.Language, ContentHint));
        try
        {
            return template(data, cancellationToken);
        }
        catch (TemplateException ex) when (language == TemplateLanguage.Scriban && Compiles(text, TemplateLanguage.Go))
        {
            throw WithHint(ex, ContentHint(TemplateLanguage.Scriban));
        }
    }

    /// <summary>
    /// Renders a templated field of a profile (a reference's name or namespace) when it holds template markup. Profile
    /// fields are always Go, as in Sveltos: a profile means the same here and to the Sveltos controllers.
    /// </summary>
    public static string RenderField(string text, string source, TemplateData data, CancellationToken cancellationToken)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return text;
        }

        var template = Compiled.GetOrAdd((source, text, TemplateLanguage.Go), key => Compile(key.Text, key.Source, key.Language, _ => FieldHint));
        return template(data, cancellationToken).Trim();
    }

    private static string ContentHint(TemplateLanguage failed) => failed == TemplateLanguage.Go
        ? $"The text is valid Scriban, but templates are Go templates (as in Sveltos): to render it as Scriban, annotate its ConfigMap or Secret with {LanguageAnnotation}: scriban."
        : $"The text is a valid Go template, but its ConfigMap or Secret asks for Scriban ({LanguageAnnotation}: scriban): remove that annotation to render it as Go.";

    private const string FieldHint = "The text is valid Scriban, but profile fields are always Go templates (as in Sveltos): write, for example, {{ .Cluster.metadata.name }}.";

    private static Func<TemplateData, CancellationToken, string> Compile(string text, string source, TemplateLanguage language, Func<TemplateLanguage, string> hint)
    {
        try
        {
            return language == TemplateLanguage.Scriban ? Scriban.Compile(text, source).Render : Go.Compile(text, source).Render;
        }
        catch (TemplateException ex) when (Compiles(text, Other(language)))
        {
            throw WithHint(ex, hint(language));
        }
    }

    private static TemplateLanguage Other(TemplateLanguage language) =>
        language == TemplateLanguage.Go ? TemplateLanguage.Scriban : TemplateLanguage.Go;

    /// <summary>Whether the text parses in a language; only to word a hint, never to render it.</summary>
    private static bool Compiles(string text, TemplateLanguage language)
    {
        try
        {
            _ = language == TemplateLanguage.Scriban ? (object)Scriban.Compile(text, "hint") : Go.Compile(text, "hint");
            return true;
        }
        catch (TemplateException)
        {
            return false;
        }
    }

    private static TemplateException WithHint(TemplateException ex, string hint) =>
        new(ex.ErrorId, ex.Kind, ex.SourceName, ex.Line, ex.Column, $"{ex.Problem.TrimEnd('.')}. {hint}", ex.RecommendedAction, ex);

    /// <summary>The cluster as templates see it: the fleet's object, or its identity and labels when the fleet has none.</summary>
    public static JsonObject ClusterObject(FleetCluster cluster) =>
        cluster.Object ?? new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = cluster.Name,
                ["namespace"] = cluster.Namespace,
                ["labels"] = KubeObject.ToJson(cluster.Labels),
            },
        };
}
