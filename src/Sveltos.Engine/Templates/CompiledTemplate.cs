using System.Text.RegularExpressions;
using Scriban;
using Scriban.Syntax;

namespace Sveltos.Engine.Templates;

/// <summary>A parsed template. Rendering uses a fresh context each time, so concurrent renderings do not interfere.</summary>
public sealed class CompiledTemplate
{
    private readonly Template _template;
    private readonly TemplateLimits _limits;

    internal CompiledTemplate(Template template, string sourceName, TemplateLimits limits)
    {
        _template = template;
        _limits = limits;
        SourceName = sourceName;
    }

    public string SourceName { get; }

    /// <summary>Renders the template for one cluster.</summary>
    /// <exception cref="TemplateException">The template failed: missing data, a limit, a function error, the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public string Render(TemplateData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_limits.Timeout);
        try
        {
            var context = new RenderContext(TemplateBuiltins.Shared, data, _limits, deadline.Token);
            return _template.Render(context);
        }
        catch (ScriptAbortException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ScriptAbortException)
        {
            throw Error(TemplateErrorIds.Timeout, ErrorKind.OperationTimeout, 0, 0, $"rendering took longer than {_limits.Timeout.TotalSeconds:0.###} s and was stopped");
        }
        catch (ScriptRuntimeException e)
        {
            throw FromRuntime(e);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Error(TemplateErrorIds.Timeout, ErrorKind.OperationTimeout, 0, 0, $"a regular expression took longer than {_limits.Timeout.TotalSeconds:0.###} s and was stopped");
        }
    }

    private TemplateException FromRuntime(ScriptRuntimeException e)
    {
        // Faults raised outside the template text (converting the data) carry an empty span.
        var (line, column) = e.Span.FileName is null ? (0, 0) : (e.Span.Start.Line + 1, e.Span.Start.Column + 1);
        var fault = e as TemplateFault ?? e.InnerException as TemplateFault;
        if (fault is not null)
        {
            return Error(fault.ErrorId, TemplateErrorIds.KindOf(fault.ErrorId), line, column, fault.OriginalMessage);
        }

        if (e.InnerException is RegexMatchTimeoutException)
        {
            return Error(TemplateErrorIds.Timeout, ErrorKind.OperationTimeout, line, column, "a regular expression took too long and was stopped");
        }

        // Scriban reports its own checks only by message; the pinned version's wording is covered by tests.
        var message = e.OriginalMessage;
        var errorId = message switch
        {
            _ when message.Contains("limit", StringComparison.OrdinalIgnoreCase) || message.Contains("too deeply nested", StringComparison.Ordinal) => TemplateErrorIds.LimitExceeded,
            _ when message.StartsWith("Object `", StringComparison.Ordinal) && message.Contains("is null", StringComparison.Ordinal) => TemplateErrorIds.MissingKey,
            _ when message.Contains("out of bounds", StringComparison.Ordinal) => TemplateErrorIds.MissingKey,
            _ when e.InnerException is not null => TemplateErrorIds.FunctionError,
            _ => TemplateErrorIds.RuntimeError,
        };
        return Error(errorId, TemplateErrorIds.KindOf(errorId), line, column, message);
    }

    private TemplateException Error(string errorId, ErrorKind kind, int line, int column, string problem) =>
        new(errorId, kind, SourceName, line, column, problem, RecommendedAction(errorId));


    private static string RecommendedAction(string errorId) => errorId switch
    {
        TemplateErrorIds.MissingKey => "Add the data to the cluster (a label, an annotation) or the fetched resource, or mark it optional in the template with '?? fallback' or 'default'.",
        TemplateErrorIds.Forbidden => "Templates only see the cluster and the fetched resources; put what the template needs into them.",
        TemplateErrorIds.LimitExceeded or TemplateErrorIds.Timeout => "Look for a loop that does not end or a function that calls itself; real content stays far below the limits.",
        _ => "Fix the template; Get-Help about_SveltosTemplates describes the data and functions.",
    };
}
