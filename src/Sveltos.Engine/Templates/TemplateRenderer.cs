using Scriban;
using Scriban.Parsing;

namespace Sveltos.Engine.Templates;

/// <summary>
/// Compiles Scriban templates, for content that asks for Scriban (templates are Go otherwise). Compile once per
/// source text, then render the result for each cluster; a <see cref="CompiledTemplate"/> may be rendered from many
/// threads at once.
/// </summary>
public sealed class TemplateRenderer
{
    private static readonly ParserOptions Parsing = new();

    public TemplateRenderer(TemplateLimits? limits = null)
    {
        Limits = limits ?? TemplateLimits.Default;
        Limits.Validate();
    }

    public TemplateLimits Limits { get; }

    /// <summary>Parses <paramref name="text"/>. <paramref name="sourceName"/> starts every error message (it names the object and key holding the text).</summary>
    /// <exception cref="TemplateException">TemplateSyntaxError, with the line and column.</exception>
    public CompiledTemplate Compile(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var template = Template.Parse(text, sourceName, Parsing);
        if (template.HasErrors)
        {
            var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error).ToList();
            var first = errors[0];
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more errors)" : "";
            throw new TemplateException(
                TemplateErrorIds.SyntaxError,
                ErrorKind.InvalidData,
                sourceName,
                first.Span.Start.Line + 1,
                first.Span.Start.Column + 1,
                first.Message + more,
                "Fix the template syntax; Scriban's language is described at https://github.com/scriban/scriban/blob/master/doc/language.md.");
        }

        OptionalExpression.Mark(template.Page!);
        return new CompiledTemplate(template, sourceName, Limits);
    }
}
