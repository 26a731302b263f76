namespace Sveltos.Engine.Templates.Go;

/// <summary>What a field access does when a map has no such key (Go's <c>missingkey</c> option).</summary>
public enum GoMissingKey
{
    /// <summary>Go's default (<c>missingkey=default</c>, as Helm renders): the value is nil and prints <c>&lt;no value&gt;</c>.</summary>
    Default,

    /// <summary><c>missingkey=zero</c>: the map's zero value; for the untyped maps of YAML/JSON data that is nil too.</summary>
    Zero,

    /// <summary><c>missingkey=error</c>, as the Sveltos controllers render: the rendering fails with TemplateMissingKey.</summary>
    Error,
}

/// <summary>Options of the Go template language.</summary>
public sealed record GoTemplateOptions
{
    /// <summary>The Sveltos controllers' options: <c>missingkey=error</c>.</summary>
    public static GoTemplateOptions Sveltos { get; } = new();

    /// <summary>Helm's options: missing keys print <c>&lt;no value&gt;</c>.</summary>
    public static GoTemplateOptions Helm { get; } = new() { MissingKey = GoMissingKey.Default };

    public GoMissingKey MissingKey { get; init; } = GoMissingKey.Error;
}
