namespace Sveltos;

/// <summary>
/// One document of a rendered chart, as Expand-HelmChart -AsObject emits it: the template it came from, what it is,
/// whether it is a hook or a CRD, and the object itself (a Secret's values left out).
/// </summary>
public sealed class HelmChartDocument
{
    internal HelmChartDocument(string chart, string release, string source, string apiVersion, string kind, string name, string @namespace, string hook, bool isCrd, object? obj, string yaml)
    {
        Chart = chart;
        Release = release;
        Source = source;
        ApiVersion = apiVersion;
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        Hook = hook;
        IsCrd = isCrd;
        Object = obj;
        Yaml = yaml;
    }

    /// <summary>The root chart's name.</summary>
    public string Chart { get; }

    public string Release { get; }

    /// <summary>The template (or crds/ file) the document came from, as in "# Source:" (e.g. web/templates/deployment.yaml).</summary>
    public string Source { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string Name { get; }

    /// <summary>The namespace the document names (empty when it names none).</summary>
    public string Namespace { get; }

    /// <summary>The hook events (helm.sh/hook, comma-separated), empty for a document of the release's manifest.</summary>
    public string Hook { get; }

    /// <summary>A CRD from a chart's crds/ folder (only with -IncludeCrds).</summary>
    public bool IsCrd { get; }

    /// <summary>The document as an object (nested PSCustomObjects and arrays); null for a document that is not a mapping.</summary>
    public object? Object { get; }

    /// <summary>The document's YAML: as rendered, except that a Secret's values are left out.</summary>
    public string Yaml { get; }

    public override string ToString() => Yaml;
}
