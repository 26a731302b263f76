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
        var templates = new Dictionary<string, ListNode>(StringComparer.Ordinal);
        try
        {
            var root = GoParser.Parse(text, GoFunctions.IsDefined, templates);
            return new GoCompiledTemplate(new GoTemplateSet(sourceName, root, templates, Limits, Options), text);
        }
        catch (GoParseException e)
        {
            var (line, column) = GoCompiledTemplate.Position(text, e.Position);
            throw new TemplateException(
                e.ErrorId,
                TemplateErrorIds.KindOf(e.ErrorId),
                sourceName,
                line,
                column,
                e.Message,
                "Fix the template syntax; the language is Go's text/template (https://pkg.go.dev/text/template) with the Sprig functions.");
        }
    }
}
