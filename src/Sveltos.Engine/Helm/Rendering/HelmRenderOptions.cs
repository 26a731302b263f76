namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// The flags of <c>helm template</c> that change what is rendered. Defaults are Helm's: release "release-name" in
/// namespace "default", revision 1, an install, Kubernetes <see cref="HelmCapabilities.DefaultKubeVersion"/>.
/// </summary>
public sealed record HelmRenderOptions
{
    public const string DefaultReleaseName = "release-name";
    public const string DefaultNamespace = "default";

    /// <summary>The release name; null for the default, or the name <see cref="NameTemplate"/> renders to. Setting both is an error, as in Helm.</summary>
    public string? ReleaseName { get; init; }

    /// <summary>A Go template (Sprig functions, no data) rendered to give the release name (<c>--name-template</c>).</summary>
    public string? NameTemplate { get; init; }

    public string Namespace { get; init; } = DefaultNamespace;

    /// <summary><c>--kube-version</c>: the Kubernetes version of .Capabilities; null or empty for Helm's default.</summary>
    public string? KubeVersion { get; init; }

    /// <summary><c>--api-versions</c>: added to the default .Capabilities.APIVersions ("group/version" or "group/version/Kind").</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = [];

    /// <summary>
    /// The API versions a cluster serves (as helm install reads them from discovery), which then replace Helm's
    /// default set; null renders with the defaults, as helm template does.
    /// </summary>
    public IReadOnlyList<string>? ServedApiVersions { get; init; }

    /// <summary>--render-subchart-notes: the release notes include the subcharts' NOTES.txt.</summary>
    public bool SubNotes { get; init; }

    /// <summary>--skip-schema-validation: the values are not checked against the charts' values.schema.json.</summary>
    public bool SkipSchemaValidation { get; init; }

    /// <summary>
    /// The root chart's default values in place of its values.yaml (helm upgrade --reuse-values renders with the last
    /// release's values as the chart's); null keeps the chart's own.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? ChartValues { get; init; }

    /// <summary><c>--include-crds</c>: the chart's crds/ files are part of the output.</summary>
    public bool IncludeCrds { get; init; }

    /// <summary><c>--skip-tests</c>: test hooks are left out of the output.</summary>
    public bool SkipTests { get; init; }

    /// <summary><c>--show-only</c>: template paths below the chart name (Go filepath.Match patterns); only their documents are output.</summary>
    public IReadOnlyList<string> ShowOnly { get; init; } = [];

    /// <summary>
    /// <c>--hide-secret</c>: a v1 Secret among the manifests is printed as its source line and
    /// <c># HIDDEN: The Secret output has been suppressed</c> (the --output-dir files and hooks are written whole, as Helm writes them).
    /// </summary>
    public bool HideSecret { get; init; }

    /// <summary><c>--is-upgrade</c>: .Release.IsUpgrade instead of .Release.IsInstall.</summary>
    public bool IsUpgrade { get; init; }

    public int Revision { get; init; } = 1;

    /// <summary>
    /// Answers <c>lookup apiVersion kind namespace name</c> (an object, or a list map for an empty name; an empty map
    /// when nothing is found). Null: nothing is ever found, as in <c>helm template</c>. Renders of a chart that can call
    /// lookup (a template names it or uses tpl) are not cached; other charts render without it, cached.
    /// </summary>
    public Func<string, string, string, string, object?>? Lookup { get; init; }
}
