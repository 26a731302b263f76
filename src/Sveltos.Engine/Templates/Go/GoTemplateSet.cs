namespace Sveltos.Engine.Templates.Go;

/// <summary>One named template: a file's main template or a <c>define</c>/<c>block</c>, with the text it was parsed from.</summary>
internal sealed class GoTemplate(string name, ListNode body, GoSource source)
{
    public string Name { get; } = name;

    public ListNode Body { get; } = body;

    public GoSource Source { get; } = source;

    public bool IsEmpty { get; } = IsEmptyTree(body);

    /// <summary>Go's parse.IsEmptyTree: only white space (comments are gone after lexing).</summary>
    public static bool IsEmptyTree(ListNode list) =>
        list.Nodes.All(n => n is TextNode t && string.IsNullOrWhiteSpace(t.Text));
}

/// <summary>
/// The templates one name can reach (Go's common map of associated templates). A <c>tpl</c> text is parsed into a
/// child namespace, as Helm parses it into a clone: its definitions are seen by what it calls, not by the rest.
/// </summary>
internal sealed class GoNamespace(GoNamespace? parent = null)
{
    private readonly Dictionary<string, GoTemplate> _templates = new(StringComparer.Ordinal);

    public GoTemplate? Find(string name) =>
        _templates.TryGetValue(name, out var template) ? template : parent?.Find(name);

    public IEnumerable<string> Names =>
        parent is null ? _templates.Keys : _templates.Keys.Union(parent.Names, StringComparer.Ordinal);

    /// <summary>Go's AddParseTree: a later definition replaces an earlier one, except that an empty one never replaces a template.</summary>
    public void Associate(GoTemplate template)
    {
        if (template.IsEmpty && Find(template.Name) is not null)
        {
            return;
        }

        _templates[template.Name] = template;
    }

    /// <summary>Adds what one Parse call produced: its definitions (already checked for duplicates within the text).</summary>
    public void AssociateAll(IReadOnlyDictionary<string, ListNode> definitions, GoSource source)
    {
        foreach (var (name, body) in definitions)
        {
            Associate(new GoTemplate(name, body, source));
        }
    }
}

/// <summary>The parsed templates, shared read-only by all renderings.</summary>
internal sealed class GoTemplateSet(string name, GoNamespace templates, TemplateLimits limits, GoTemplateOptions options)
{
    /// <summary>The name of the template Go's ExecuteTemplate is called on (a single text's name, or Helm's <c>gotpl</c>).</summary>
    public string Name { get; } = name;

    public GoNamespace Templates { get; } = templates;

    public TemplateLimits Limits { get; } = limits;

    public GoTemplateOptions Options { get; } = options;
}
