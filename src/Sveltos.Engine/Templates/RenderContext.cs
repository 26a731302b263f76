using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Sveltos.Engine.Templates;

/// <summary>
/// The Scriban context of one rendering: the data as fresh Scriban values (a template may modify them without
/// touching the caller's objects or other renderings), the limits, and Sveltos' missingkey=error semantics, relaxed
/// only inside the explicit optional forms (see <see cref="OptionalExpression"/>).
/// </summary>
internal sealed class RenderContext : TemplateContext
{
    private int _optionalDepth;

    public RenderContext(ScriptObject builtins, TemplateData data, TemplateLimits limits, CancellationToken cancellationToken)
        : base(builtins)
    {
        Data = data;
        Limits = limits;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedIndexerAccess = false;
        EnableNullIndexer = false;
        LoopLimit = limits.MaxLoopIterations;
        LoopLimitQueryable = limits.MaxLoopIterations;
        RecursiveLimit = limits.MaxRecursionDepth;
        // Scriban stops a conversion that reaches this length; one more lets a string of exactly the limit through.
        LimitToString = (int)Math.Min(limits.MaxOutputLength + 1L, int.MaxValue);
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = limits.MaxOutputLength;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = limits.Timeout;
        CancellationToken = cancellationToken;
        NewLine = "\n";
        TryGetMember = OnMissingMember;
        TryGetVariable = OnMissingVariable;
        PushGlobal(Globals(data));
    }

    public TemplateData Data { get; }

    public TemplateLimits Limits { get; }

    /// <summary>Evaluates an expression whose missing parts are null instead of errors (the left of <c>??</c>, ...).</summary>
    public object? EvaluateOptional(ScriptExpression expression)
    {
        var saved = (StrictVariables, EnableRelaxedMemberAccess, EnableRelaxedTargetAccess, EnableRelaxedIndexerAccess, EnableNullIndexer);
        _optionalDepth++;
        StrictVariables = false;
        EnableRelaxedMemberAccess = EnableRelaxedTargetAccess = EnableRelaxedIndexerAccess = EnableNullIndexer = true;
        try
        {
            return Evaluate(expression);
        }
        finally
        {
            _optionalDepth--;
            (StrictVariables, EnableRelaxedMemberAccess, EnableRelaxedTargetAccess, EnableRelaxedIndexerAccess, EnableNullIndexer) = saved;
        }
    }

    public override string? ObjectToString(object? value, bool nested = false) => value switch
    {
        // .NET would write "NaN" and "Infinity", which YAML reads as strings.
        double d when double.IsNaN(d) => ".nan",
        double d when double.IsInfinity(d) => d > 0 ? ".inf" : "-.inf",
        float f when float.IsNaN(f) => ".nan",
        float f when float.IsInfinity(f) => f > 0 ? ".inf" : "-.inf",
        _ => base.ObjectToString(value, nested),
    };

    private static ScriptObject Globals(TemplateData data)
    {
        var resources = new ScriptObject(data.Resources.Count);
        foreach (var (identifier, resource) in data.Resources)
        {
            resources.SetValue(identifier, ScriptValues.FromJson(resource), readOnly: false);
        }

        var globals = new ScriptObject
        {
            ["cluster"] = ScriptValues.FromJson(data.Cluster),
            ["cluster_name"] = data.ClusterName,
            ["cluster_namespace"] = data.ClusterNamespace,
            ["resources"] = resources,
        };
        if (data.KubernetesVersion is not null)
        {
            globals["kubernetes_version"] = data.KubernetesVersion;
        }

        return globals;
    }

    private bool OnMissingMember(TemplateContext context, SourceSpan span, object target, string member, out object value)
    {
        value = null!;
        if (_optionalDepth > 0)
        {
            return false;
        }

        var owner = CurrentNode switch
        {
            ScriptMemberExpression access => access.Target?.ToString(),
            ScriptIndexerExpression access => access.Target?.ToString(),
            _ => null,
        };
        var where = owner is null ? "the object" : $"'{owner}'";
        throw new TemplateFault(
            TemplateErrorIds.MissingKey,
            span,
            $"{where} has no key '{member}' (use '?? fallback' or 'default' where the data is optional)");
    }

    private bool OnMissingVariable(TemplateContext context, SourceSpan span, ScriptVariable variable, out object value)
    {
        value = null!;
        if (_optionalDepth > 0)
        {
            return false;
        }

        var message = variable.Name == "kubernetes_version"
            ? $"the Kubernetes version of cluster '{Data.ClusterName}' is not known (use 'kubernetes_version ?? fallback' where it is optional)"
            : $"'{variable.Name}' is not defined: the data is cluster, cluster_name, cluster_namespace, kubernetes_version and resources (see about_SveltosTemplates)";
        throw new TemplateFault(TemplateErrorIds.MissingKey, span, message);
    }
}
