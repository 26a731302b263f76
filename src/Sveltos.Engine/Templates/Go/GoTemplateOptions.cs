namespace Sveltos.Engine.Templates.Go;

/// <summary>What a field access does when a map has no such key (Go's <c>missingkey</c> option).</summary>
public enum GoMissingKey
{
    /// <summary>Go's default (<c>missingkey=default</c>): the value is invalid; it prints <c>&lt;no value&gt;</c>, and a field of it is nothing too.</summary>
    Default,

    /// <summary>
    /// <c>missingkey=zero</c>, as Helm renders: the map's zero value, a nil interface{}; it prints <c>&lt;no value&gt;</c>,
    /// and a field of it fails with <c>nil pointer evaluating interface {}.x</c>.
    /// </summary>
    Zero,

    /// <summary><c>missingkey=error</c>, as the Sveltos controllers render: the rendering fails with TemplateMissingKey.</summary>
    Error,
}

/// <summary>Options of the Go template language.</summary>
public sealed record GoTemplateOptions
{
    /// <summary>The Sveltos controllers' options: <c>missingkey=error</c>, no lookup.</summary>
    public static GoTemplateOptions Sveltos { get; } = new();

    /// <summary>Helm's options (pkg/engine): <c>missingkey=zero</c>, and lookup finds nothing, as in <c>helm template</c>.</summary>
    public static GoTemplateOptions Helm { get; } = new() { MissingKey = GoMissingKey.Zero, Lookup = NothingFound };

    public GoMissingKey MissingKey { get; init; } = GoMissingKey.Error;

    /// <summary>
    /// Answers Helm's <c>lookup apiVersion kind namespace name</c> with the object, or for an empty name the list (a map
    /// with <c>items</c>), in any form the engine reads (JSON nodes, dictionaries); an empty map when nothing is found.
    /// Throw <see cref="GoCallException"/> to fail the rendering. Null: templates cannot query a cluster (TemplateForbidden).
    /// </summary>
    public Func<string, string, string, string, object?>? Lookup { get; init; }

    /// <summary>Helm's lookup without a cluster connection: an empty map for any query.</summary>
    public static object? NothingFound(string apiVersion, string kind, string ns, string name) =>
        new Dictionary<string, object?>(StringComparer.Ordinal);
}
