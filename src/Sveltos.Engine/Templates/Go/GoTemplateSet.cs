namespace Sveltos.Engine.Templates.Go;

/// <summary>The parsed main template and its named templates, shared read-only by all renderings.</summary>
internal sealed class GoTemplateSet(string name, ListNode root, IReadOnlyDictionary<string, ListNode> templates, TemplateLimits limits, GoTemplateOptions options)
{
    public string Name { get; } = name;

    public ListNode Root { get; } = root;

    public IReadOnlyDictionary<string, ListNode> Templates { get; } = templates;

    public TemplateLimits Limits { get; } = limits;

    public GoTemplateOptions Options { get; } = options;
}
