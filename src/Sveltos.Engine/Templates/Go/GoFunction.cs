namespace Sveltos.Engine.Templates.Go;

/// <summary>A template function: its arity is checked before the call, as Go checks a function's signature.</summary>
internal sealed record GoFunction(string Name, int MinArgs, int MaxArgs, Func<GoExecution, object?[], object?> Body)
{
    public const int Variadic = -1;
}

/// <summary>A function failed; the executor reports it as Go does: <c>error calling NAME: MESSAGE</c> at the command.</summary>
internal class GoFunctionException(string message, string errorId = TemplateErrorIds.FunctionError, string? warning = null) : Exception(message)
{
    public string ErrorId { get; } = errorId;

    /// <summary>The message of Helm's <c>required</c> or <c>fail</c> somewhere in the error's chain, which Helm reports on its own.</summary>
    public string? Warning { get; } = warning;
}

/// <summary>
/// An argument does not fit a typed parameter (Go's validateType, before the call): the executor reports it at the
/// argument, without "error calling", worded by where the value came from (nil literal, map field, pipeline).
/// </summary>
internal sealed class GoArgumentException(string expected, object? value)
    : GoFunctionException(value is null ? $"invalid value; expected {expected}" : $"wrong type for value; expected {expected}; got {GoValues.TypeName(value)}")
{
    /// <summary>The parameter's Go type.</summary>
    public string Expected { get; } = expected;

    public object? Value { get; } = value;
}

/// <summary>
/// An execution error, worded as Go words it: <see cref="Exception.Message"/> is <c>executing "t" at &lt;.x&gt;: ...</c>,
/// <see cref="GoMessage"/> Go's whole error text, <c>template: file:line:column: executing ...</c>.
/// </summary>
internal sealed class GoExecException(string errorId, string message, int position, GoSource source, string goMessage, string? warning) : Exception(message)
{
    /// <summary>See <see cref="GoFunctionException.Warning"/>.</summary>
    public string? Warning { get; } = warning;

    public string ErrorId { get; } = errorId;

    /// <summary>Offset in <see cref="Source"/>'s text.</summary>
    public int Position { get; } = position;

    /// <summary>The text that holds the failing node.</summary>
    public GoSource Text { get; } = source;

    public string GoMessage { get; } = goMessage;

    /// <summary>The failing node's whole text (the message holds Go's 20-character cut of it), or null.</summary>
    public string? Expression { get; init; }
}
