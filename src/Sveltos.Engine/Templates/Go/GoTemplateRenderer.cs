namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// Compiles Go templates (text/template with the Sprig functions and the Sveltos functions), the language of the
/// Sveltos controllers' templates and of Helm charts. Compile once per source text, then render the result for each
/// cluster; a <see cref="GoCompiledTemplate"/> may be rendered from many threads at once. The same
/// <see cref="TemplateLimits"/> bound a rendering as for Scriban templates.
/// </summary>
public sealed class GoTemplateRenderer
{
    public GoTemplateRenderer(TemplateLimits? limits = null, GoTemplateOptions? options = null)
    {
        Limits = limits ?? TemplateLimits.Default;
        Limits.Validate();
        Options = options ?? GoTemplateOptions.Sveltos;
    }

    public TemplateLimits Limits { get; }

    public GoTemplateOptions Options { get; }

    /// <summary>The names of every function a template may call (Go's builtins, Sprig's, Sveltos' and Helm's).</summary>
    public static IReadOnlyCollection<string> FunctionNames => GoFunctions.Names;

    /// <summary>Parses <paramref name="text"/>. <paramref name="sourceName"/> starts every error message and names the main template.</summary>
    /// <exception cref="TemplateException">TemplateSyntaxError, with the line and column.</exception>
    public GoCompiledTemplate Compile(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var source = new GoSource(sourceName, text);
        var definitions = new Dictionary<string, ListNode>(StringComparer.Ordinal);
        var root = Parse(source, definitions);
        var templates = new GoNamespace();
        templates.AssociateAll(definitions, source);
        var set = new GoTemplateSet(sourceName, templates, Limits, Options);
        return new GoCompiledTemplate(set, new GoTemplate(sourceName, root, source), definitions.Keys.ToList());
    }

    /// <summary>
    /// Parses template files (name, text) into one namespace, as Helm parses a chart and its subcharts: in Helm's order
    /// (deeper paths first, then reverse ordinal), a later definition of a name replacing an earlier one, except that an
    /// empty definition never replaces one. A name defined twice within one text is a syntax error, as in Go.
    /// </summary>
    /// <exception cref="TemplateException">TemplateSyntaxError naming the file, line and column.</exception>
    public GoTemplateCollection CompileCollection(IEnumerable<KeyValuePair<string, string>> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var parsed = new GoNamespace();
        foreach (var (name, text) in GoTemplateCollection.InHelmOrder(templates))
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(text);
            var source = new GoSource(name, text);
            var definitions = new Dictionary<string, ListNode>(StringComparer.Ordinal);
            var root = Parse(source, definitions);
            parsed.Associate(new GoTemplate(name, root, source));
            parsed.AssociateAll(definitions, source);
        }

        return new GoTemplateCollection(new GoTemplateSet(GoTemplateCollection.CommonName, parsed, Limits, Options));
    }

    private static ListNode Parse(GoSource source, Dictionary<string, ListNode> definitions)
    {
        try
        {
            return GoParser.Parse(source.Text, GoFunctions.IsDefined, definitions);
        }
        catch (GoParseException e)
        {
            throw GoRendering.SyntaxError(e, source);
        }
    }
}
