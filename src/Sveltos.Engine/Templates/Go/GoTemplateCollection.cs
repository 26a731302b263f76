namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// Template files parsed into one namespace, as Helm parses a chart's templates (<c>template.New("gotpl")</c>, then
/// <c>t.New(file).Parse(text)</c> for each file): every file and every <c>define</c> of any file is a template any other
/// can include. Parse once, then render any template with many values, from many threads at once.
/// </summary>
public sealed class GoTemplateCollection
{
    /// <summary>The name of the template Helm's engine parses every file under; <c>tpl</c> texts take it too.</summary>
    public const string CommonName = "gotpl";

    private readonly GoTemplateSet _set;

    internal GoTemplateCollection(GoTemplateSet set)
    {
        _set = set;
        Names = set.Templates.Names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every template: the files and the names they define, in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool Has(string name) => _set.Templates.Find(name) is not null;

    /// <summary>
    /// Renders the template <paramref name="name"/> (Go's ExecuteTemplate) with <paramref name="dot"/>. Dictionaries
    /// and lists of the engine's value model are used as they are, not copied: like Go, a template that changes a map
    /// (Sprig's <c>set</c>) changes it for the templates rendered after it, as in Helm. Other data (JSON nodes, other
    /// dictionaries, int) is converted in place. The output still holds <c>&lt;no value&gt;</c> where Go writes it;
    /// Helm removes it from every rendered file.
    /// </summary>
    /// <exception cref="TemplateException">The template failed; <see cref="TemplateException.GoMessage"/> holds Go's text.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public string Render(string name, object? dot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var template = _set.Templates.Find(name);
        if (template is null)
        {
            var problem = $"no template {GoFormat.Quote(name)} associated with template {GoFormat.Quote(CommonName)}";
            throw new TemplateException(TemplateErrorIds.RuntimeError, ErrorKind.ObjectNotFound, name, 0, 0, problem) { GoMessage = "template: " + problem, HelmMessage = "template: " + problem };
        }

        object? data;
        try
        {
            data = GoValues.Adopt(dot);
        }
        catch (GoFunctionException e)
        {
            throw GoRendering.DataError(name, e);
        }

        return GoRendering.Execute(_set, template, data, null, cancellationToken);
    }

    /// <summary>
    /// Helm's parse order (engine.go sortTemplates): deeper paths first, and paths of one depth in reverse ordinal
    /// order, so that a parent chart's definitions, parsed last, replace its subcharts' ones of the same name.
    /// </summary>
    internal static IEnumerable<KeyValuePair<string, string>> InHelmOrder(IEnumerable<KeyValuePair<string, string>> templates) =>
        templates.OrderByDescending(t => t.Key.Count(c => c == '/')).ThenByDescending(t => t.Key, StringComparer.Ordinal);
}
