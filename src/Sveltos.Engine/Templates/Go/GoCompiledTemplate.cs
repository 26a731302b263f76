using System.Text.Json.Nodes;

namespace Sveltos.Engine.Templates.Go;

/// <summary>A parsed Go template. Each rendering copies the data and keeps its own state, so renderings do not interfere.</summary>
public sealed class GoCompiledTemplate
{
    private readonly GoTemplateSet _set;
    private readonly GoTemplate _main;
    private readonly IReadOnlyCollection<string> _definitions;

    internal GoCompiledTemplate(GoTemplateSet set, GoTemplate main, IReadOnlyCollection<string> definitions)
    {
        _set = set;
        _main = main;
        _definitions = definitions;
    }

    public string SourceName => _set.Name;

    /// <summary>The templates the text defines with <c>define</c> or <c>block</c>.</summary>
    public IReadOnlyCollection<string> TemplateNames => _definitions;

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
        return GoRendering.Execute(_set, _main, dot, data, cancellationToken);
    }

    /// <summary>
    /// Renders the template with any data as dot: JSON nodes (System.Text.Json.Nodes), dictionaries, lists and
    /// primitives (the Helm form: <c>.Values</c>, <c>.Release</c>, ...). The data is copied, never modified.
    /// </summary>
    public string Render(object? data, CancellationToken cancellationToken = default) =>
        GoRendering.Execute(_set, _main, Normalize(data), null, cancellationToken);

    /// <summary>Renders one template the text defines (<c>define</c>/<c>block</c>) with <paramref name="data"/> as dot.</summary>
    public string RenderTemplate(string name, object? data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var template = _definitions.Contains(name) ? _set.Templates.Find(name) : null;
        if (template is null)
        {
            throw new TemplateException(TemplateErrorIds.RuntimeError, ErrorKind.ObjectNotFound, SourceName, 0, 0, $"no template \"{name}\" associated with template \"{SourceName}\"");
        }

        return GoRendering.Execute(_set, template, Normalize(data), null, cancellationToken);
    }

    private object? Normalize(object? data)
    {
        try
        {
            return GoValues.Normalize(data);
        }
        catch (GoFunctionException e)
        {
            throw GoRendering.DataError(SourceName, e);
        }
    }
}
