namespace Sveltos.Engine.Templates;

/// <summary>
/// A template could not be compiled or rendered. The message starts with the source name and, when known, the
/// 1-based line and column in the template text: <c>fleet/web ConfigMap fleet/web key 'app.yaml' (3,12): ...</c>.
/// </summary>
public sealed class TemplateException : SveltosException
{
    public TemplateException(string errorId, ErrorKind kind, string sourceName, int line, int column, string problem, string? recommendedAction = null, Exception? inner = null)
        : base(errorId, kind, Format(sourceName, line, column, problem), sourceName, recommendedAction, inner)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public string SourceName { get; }

    /// <summary>1-based; 0 when the problem has no position (a timeout, for example).</summary>
    public int Line { get; }

    /// <summary>1-based; 0 when the problem has no position.</summary>
    public int Column { get; }

    /// <summary>The message without the source name and position.</summary>
    public string Problem { get; }

    /// <summary>A Go template's error as Go's text/template words it: <c>template: chart/templates/x.yaml:12:5: executing ...</c>.</summary>
    public string? GoMessage { get; init; }

    /// <summary>The whole text of the expression that failed, where the engine knows it (Go cuts it to 20 characters in messages).</summary>
    public string? Expression { get; init; }

    /// <summary>
    /// A Go template's error as Helm prints it: Go's text, except that Helm reports a <c>required</c> or <c>fail</c>
    /// message alone (<c>execution error at (chart/templates/x.yaml:12:5): message</c>) and a syntax error as
    /// <c>parse error at (chart/templates/x.yaml:12): message</c>.
    /// </summary>
    public string? HelmMessage { get; init; }

    private static string Format(string sourceName, int line, int column, string problem) =>
        line > 0 ? $"{sourceName} ({line},{column}): {problem}" : $"{sourceName}: {problem}";
}

/// <summary>The stable ErrorIds of <see cref="TemplateException"/>.</summary>
public static class TemplateErrorIds
{
    /// <summary>The template is not valid in its language (Go, or Scriban where content asks for it).</summary>
    public const string SyntaxError = "TemplateSyntaxError";

    /// <summary>The template reads data that does not exist (a missing key, name, list index or fetched resource), or <c>required</c> failed.</summary>
    public const string MissingKey = "TemplateMissingKey";

    /// <summary>The template tried to reach outside its data: files, environment variables.</summary>
    public const string Forbidden = "TemplateForbidden";

    /// <summary>A loop, recursion, output or nesting limit was reached.</summary>
    public const string LimitExceeded = "TemplateLimitExceeded";

    /// <summary>Rendering took longer than <see cref="TemplateLimits.Timeout"/>.</summary>
    public const string Timeout = "TemplateTimeout";

    /// <summary>A function failed on its arguments (invalid YAML for <c>from_yaml</c>, a path through a string for <c>set_field</c>, ...).</summary>
    public const string FunctionError = "TemplateFunctionError";

    /// <summary>Any other evaluation error (an operator applied to values it does not support, ...).</summary>
    public const string RuntimeError = "TemplateRuntimeError";

    /// <summary>The broad error class of an ErrorId, shared by both template languages.</summary>
    internal static ErrorKind KindOf(string errorId) => errorId switch
    {
        MissingKey => ErrorKind.ObjectNotFound,
        Forbidden => ErrorKind.PermissionDenied,
        LimitExceeded => ErrorKind.LimitsExceeded,
        Timeout => ErrorKind.OperationTimeout,
        _ => ErrorKind.InvalidData,
    };
}
