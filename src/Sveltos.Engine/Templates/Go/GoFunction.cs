namespace Sveltos.Engine.Templates.Go;

/// <summary>A template function: its arity is checked before the call, as Go checks a function's signature.</summary>
internal sealed record GoFunction(string Name, int MinArgs, int MaxArgs, Func<GoExecution, object?[], object?> Body)
{
    public const int Variadic = -1;
}

/// <summary>A function failed; the executor reports it as Go does: <c>error calling NAME: MESSAGE</c> at the command.</summary>
internal sealed class GoFunctionException(string message, string errorId = TemplateErrorIds.FunctionError) : Exception(message)
{
    public string ErrorId { get; } = errorId;
}

/// <summary>An execution error, already worded as Go words it (<c>executing "t" at &lt;.x&gt;: ...</c>), at an offset of the template text.</summary>
internal sealed class GoExecException(string errorId, string message, int position) : Exception(message)
{
    public string ErrorId { get; } = errorId;

    public int Position { get; } = position;
}
