namespace Sveltos.Engine.Templates;

/// <summary>
/// Bounds on one rendering, so that a buggy or hostile template cannot hang or exhaust a sync. The defaults fit real
/// content with a wide margin: a template that reaches one is almost certainly looping by mistake.
/// </summary>
public sealed record TemplateLimits
{
    public static TemplateLimits Default { get; } = new();

    /// <summary>Iterations of all loops of one rendering together, including those inside functions (array.map, ...).</summary>
    public int MaxLoopIterations { get; init; } = 10_000;

    /// <summary>Depth of nested calls of functions defined in the template.</summary>
    public int MaxRecursionDepth { get; init; } = 100;

    /// <summary>Length of the rendered text, and of any single string the template builds, in UTF-16 characters.</summary>
    public int MaxOutputLength { get; init; } = 1024 * 1024;

    /// <summary>Wall-clock time of one rendering.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    internal void Validate()
    {
        if (MaxLoopIterations <= 0 || MaxRecursionDepth <= 0 || MaxOutputLength <= 0 || Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Template limits must be positive: a limit of zero would mean no limit.");
        }
    }
}
