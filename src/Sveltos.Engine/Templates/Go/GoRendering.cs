using System.Text;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Templates.Go;

/// <summary>Runs one template of a parsed set under the limits and turns the engine's failures into <see cref="TemplateException"/>s.</summary>
internal static class GoRendering
{
    public static string Execute(GoTemplateSet set, GoTemplate template, object? dot, TemplateData? data, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(set.Limits.Timeout);
        var output = new StringBuilder();
        try
        {
            new GoExecution(set, output, data, deadline.Token).Run(template, dot);
            return output.ToString();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or RegexMatchTimeoutException)
        {
            throw Unplaced(template, TemplateErrorIds.Timeout, ErrorKind.OperationTimeout, $"rendering took longer than {set.Limits.Timeout.TotalSeconds:0.###} s and was stopped");
        }
        catch (GoExecException e)
        {
            var (line, column) = e.Position > 0 || e.GoMessage.Contains("executing", StringComparison.Ordinal) ? e.Text.LineAndColumn(e.Position) : (0, 0);
            throw new TemplateException(e.ErrorId, TemplateErrorIds.KindOf(e.ErrorId), e.Text.Name, line, column, e.Message, RecommendedAction(e.ErrorId))
            {
                GoMessage = e.GoMessage,
                Expression = e.Expression,
                HelmMessage = e.Warning is null ? e.GoMessage : $"execution error at ({Location(e.GoMessage)}): {e.Warning}",
            };
        }
        catch (InsufficientExecutionStackException)
        {
            throw Unplaced(template, TemplateErrorIds.LimitExceeded, ErrorKind.LimitsExceeded, "the template is nested too deeply");
        }
    }

    /// <summary>A syntax error of <paramref name="source"/>, with Go's and Helm's wording.</summary>
    public static TemplateException SyntaxError(GoParseException e, GoSource source)
    {
        var (line, column) = source.LineAndColumn(e.Position);
        var goMessage = $"template: {source.Name}:{line}: {e.Message}";
        return new TemplateException(
            e.ErrorId,
            TemplateErrorIds.KindOf(e.ErrorId),
            source.Name,
            line,
            column,
            e.Message,
            "Fix the template syntax; the language is Go's text/template (https://pkg.go.dev/text/template) with the Sprig functions.")
        {
            GoMessage = goMessage,
            HelmMessage = $"parse error at ({Location(goMessage)}): {goMessage.Split(": ")[^1]}",
        };
    }

    public static TemplateException DataError(string sourceName, GoFunctionException e) =>
        new(TemplateErrorIds.LimitExceeded, ErrorKind.LimitsExceeded, sourceName, 0, 0, e.Message, RecommendedAction(TemplateErrorIds.LimitExceeded));

    /// <summary>The second part of Go's <c>template: LOCATION: ...</c>, as Helm's cleanupExecError and cleanupParseError take it.</summary>
    private static string Location(string goMessage) => goMessage.Split(": ", 3) is { Length: 3 } tokens ? tokens[1] : goMessage;

    private static TemplateException Unplaced(GoTemplate template, string errorId, ErrorKind kind, string problem) =>
        new(errorId, kind, template.Source.Name, 0, 0, problem, RecommendedAction(errorId)) { GoMessage = $"template: {template.Name}: {problem}" };

    private static string RecommendedAction(string errorId) => errorId switch
    {
        TemplateErrorIds.MissingKey => "Add the data to the cluster (a label, an annotation) or the fetched resource, or make it optional in the template with 'default', 'hasKey' or 'with'.",
        TemplateErrorIds.Forbidden => "Templates only see the cluster and the fetched resources; put what the template needs into them.",
        TemplateErrorIds.LimitExceeded or TemplateErrorIds.Timeout => "Look for a loop that does not end or a template that calls itself; real content stays far below the limits.",
        _ => "Fix the template; the language is Go's text/template with the Sprig functions (Get-Help about_SveltosTemplates).",
    };
}
