using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Templates.Go;

/// <summary>A parsed Go template. Each rendering copies the data and keeps its own state, so renderings do not interfere.</summary>
public sealed class GoCompiledTemplate
{
    private readonly GoTemplateSet _set;
    private readonly string _text;

    internal GoCompiledTemplate(GoTemplateSet set, string text)
    {
        _set = set;
        _text = text;
    }

    public string SourceName => _set.Name;

    /// <summary>The templates the text defines with <c>define</c> or <c>block</c>.</summary>
    public IReadOnlyCollection<string> TemplateNames => _set.Templates.Keys.ToList();

    /// <summary>
    /// Renders the template for one cluster with the data the Sveltos controllers give: <c>.Cluster</c> (the cluster
    /// object), <c>.MgmtResources</c> (the fetched resources by identifier, also read by getResource and copy) and, for a
    /// Cluster API cluster, <c>.InfrastructureProvider</c> and <c>.KubeadmControlPlane</c> (nil when unknown).
    /// </summary>
    /// <exception cref="TemplateException">The template failed: missing data, a limit, a function error, the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public string Render(TemplateData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var resources = new JsonObject();
        foreach (var (identifier, resource) in data.Resources)
        {
            resources[identifier] = resource.DeepClone();
        }

        var dot = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Cluster"] = GoValues.Normalize(data.Cluster),
            ["MgmtResources"] = GoValues.Normalize(resources),

            // Fields of Sveltos' data struct: nil, not missing, when unknown, so "with" and "if" work under missingkey=error.
            ["InfrastructureProvider"] = GoValues.Normalize(data.InfrastructureProvider),
            ["KubeadmControlPlane"] = GoValues.Normalize(data.KubeadmControlPlane),
        };
        return Execute(null, dot, data, cancellationToken);
    }

    /// <summary>
    /// Renders the template with any data as dot: JSON nodes (System.Text.Json.Nodes), dictionaries, lists and
    /// primitives (the Helm form: <c>.Values</c>, <c>.Release</c>, ...). The data is copied, never modified.
    /// </summary>
    public string Render(object? data, CancellationToken cancellationToken = default) =>
        Execute(null, Normalize(data), null, cancellationToken);

    /// <summary>Renders one template the text defines (<c>define</c>/<c>block</c>) with <paramref name="data"/> as dot.</summary>
    public string RenderTemplate(string name, object? data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_set.Templates.ContainsKey(name))
        {
            throw new TemplateException(TemplateErrorIds.RuntimeError, ErrorKind.ObjectNotFound, SourceName, 0, 0, $"no template \"{name}\" associated with template \"{SourceName}\"");
        }

        return Execute(name, Normalize(data), null, cancellationToken);
    }

    private object? Normalize(object? data)
    {
        try
        {
            return GoValues.Normalize(data);
        }
        catch (GoFunctionException e)
        {
            throw Error(TemplateErrorIds.LimitExceeded, ErrorKind.LimitsExceeded, 0, e.Message);
        }
    }

    private string Execute(string? name, object? dot, TemplateData? data, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_set.Limits.Timeout);
        var output = new StringBuilder();
        try
        {
            var execution = new GoExecution(_set, output, data, deadline.Token);
            if (name is null)
            {
                execution.Run(_set.Root, dot, _set.Name);
            }
            else
            {
                execution.Run(_set.Templates[name], dot, name);
            }

            return output.ToString();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or RegexMatchTimeoutException)
        {
            throw Error(TemplateErrorIds.Timeout, ErrorKind.OperationTimeout, 0, $"rendering took longer than {_set.Limits.Timeout.TotalSeconds:0.###} s and was stopped");
        }
        catch (GoExecException e)
        {
            throw Error(e.ErrorId, TemplateErrorIds.KindOf(e.ErrorId), e.Position, e.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            throw Error(TemplateErrorIds.LimitExceeded, ErrorKind.LimitsExceeded, 0, "the template is nested too deeply");
        }
    }

    internal static (int Line, int Column) Position(string text, int index)
    {
        var before = text.AsSpan(0, Math.Clamp(index, 0, text.Length));
        var line = before.Count('\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    private TemplateException Error(string errorId, ErrorKind kind, int position, string problem)
    {
        var (line, column) = position > 0 || problem.StartsWith("executing", StringComparison.Ordinal) ? Position(_text, position) : (0, 0);
        return new TemplateException(errorId, kind, SourceName, line, column, problem, RecommendedAction(errorId));
    }


    private static string RecommendedAction(string errorId) => errorId switch
    {
        TemplateErrorIds.MissingKey => "Add the data to the cluster (a label, an annotation) or the fetched resource, or make it optional in the template with 'default', 'hasKey' or 'with'.",
        TemplateErrorIds.Forbidden => "Templates only see the cluster and the fetched resources; put what the template needs into them.",
        TemplateErrorIds.LimitExceeded or TemplateErrorIds.Timeout => "Look for a loop that does not end or a template that calls itself; real content stays far below the limits.",
        _ => "Fix the template; the language is Go's text/template with the Sprig functions (Get-Help about_SveltosTemplates).",
    };
}
