using Scriban;
using Scriban.Syntax;

namespace Sveltos.Engine.Templates;

/// <summary>
/// Wraps the expression a template explicitly marks as optional: the left of <c>??</c> and the value given to
/// <c>default</c> or <c>required</c>. Inside it a missing key, name or index is null instead of an error, so
/// <c>cluster.metadata.labels.region ?? "west"</c> works while a bare <c>cluster.metadata.labels.region</c> fails.
/// </summary>
internal sealed class OptionalExpression : ScriptExpression
{
    private readonly ScriptExpression _inner;

    private OptionalExpression(ScriptExpression inner)
    {
        _inner = inner;
        Span = inner.Span;
    }

    public override object? Evaluate(TemplateContext context) => ((RenderContext)context).EvaluateOptional(_inner);

    public override void PrintTo(ScriptPrinter printer) => _inner.PrintTo(printer);

    /// <summary>Rewrites a parsed page once, at compile time; the page is then only read.</summary>
    public static void Mark(ScriptNode root)
    {
        var optional = new List<Action>();
        var pending = new Stack<ScriptNode>([root]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case ScriptBinaryExpression { Operator: ScriptBinaryOperator.EmptyCoalescing, Left: { } left } coalesce:
                    optional.Add(() => coalesce.Left = Wrap(left));
                    break;
                case ScriptPipeCall { From: { } from } pipe when IsOptionalFunction(pipe.To):
                    optional.Add(() => pipe.From = Wrap(from));
                    break;
                case ScriptFunctionCall call when IsOptionalFunction(call.Target) && call.Arguments.Count > 0 && !(call.Parent is ScriptPipeCall p && p.To == call):
                    optional.Add(() => call.Arguments[0] = Wrap(call.Arguments[0]));
                    break;
            }

            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChildren(i) is { } child)
                {
                    pending.Push(child);
                }
            }
        }

        foreach (var mark in optional)
        {
            mark();
        }
    }

    private static bool IsOptionalFunction(ScriptExpression? expression) => expression switch
    {
        ScriptVariableGlobal { Name: "default" or "required" } => true,
        ScriptFunctionCall call => IsOptionalFunction(call.Target),
        _ => false,
    };

    private static ScriptExpression Wrap(ScriptExpression expression) =>
        expression as OptionalExpression ?? new OptionalExpression(expression);
}
