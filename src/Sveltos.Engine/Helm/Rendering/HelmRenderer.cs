using System.Text;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Helm.Values;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// Renders a loaded chart as <c>helm template</c> (Helm 3.21) does: release name, dependencies and values (see
/// <see cref="HelmValues.ForRender"/>), the kubeVersion check, every template of the chart tree rendered with Helm's
/// data and <c>missingkey=zero</c> (then <c>&lt;no value&gt;</c> removed), NOTES set apart, documents sorted into
/// hooks and manifests in install order. A chart's templates are parsed once (cached by their text), and a render
/// of the same chart, values and options is answered from a cache. Thread-safe.
/// </summary>
public sealed class HelmRenderer
{
    private const string NotesFile = "NOTES.txt";
    private const int MaxReleaseNameLength = 53;

    private readonly BoundedCache<GoTemplateCollection> _collections = new(64);
    private readonly BoundedCache<HelmRenderResult> _results = new(512);
    private readonly TemplateLimits _limits;

    public HelmRenderer(TemplateLimits? limits = null)
    {
        _limits = limits ?? TemplateLimits.Default;
        _limits.Validate();
    }

    /// <param name="userValues">The user's merged values (-ValuesFile, -Values, -Set: <see cref="HelmValues.MergeUserValues"/>); null for none.</param>
    /// <exception cref="HelmException">The chart cannot be rendered; the message is Helm's, naming chart, file and line.</exception>
    public HelmRenderResult Render(Chart chart, IDictionary<string, object?>? userValues, HelmRenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chart);
        options ??= new HelmRenderOptions();
        if (options.Lookup is not null && MayLookUp(chart))
        {
            return RenderUncached(chart, userValues, options, cancellationToken);
        }

        options = options with { Lookup = null };

        return _results.GetOrAdd(RenderCacheKey.Render(chart, userValues, options), () => RenderUncached(chart, userValues, options, cancellationToken));
    }

    /// <summary>
    /// Whether a template of the chart tree can call lookup: it names it, or uses tpl (whose text may). A chart that
    /// cannot is rendered without the lookup and cached, so one render serves every cluster.
    /// </summary>
    private static bool MayLookUp(Chart chart) =>
        chart.Templates.Any(t => Mentions(t.Data, "lookup"u8) || Mentions(t.Data, "tpl"u8)) || chart.Dependencies.Any(MayLookUp);

    private static Chart WithChartValues(Chart chart, IReadOnlyDictionary<string, object?>? values)
    {
        if (values is null)
        {
            return chart;
        }

        var copy = chart.CopyTree();
        copy.ReplaceValues(HelmValues.Copy(values));
        return copy;
    }

    private static bool Mentions(byte[] text, ReadOnlySpan<byte> word) => text.AsSpan().IndexOf(word) >= 0;

    private HelmRenderResult RenderUncached(Chart chart, IDictionary<string, object?>? userValues, HelmRenderOptions options, CancellationToken cancellationToken)
    {
        var capabilities = HelmCapabilities.For(options.KubeVersion, options.ApiVersions, options.ServedApiVersions);
        CheckInstallable(chart);
        var releaseName = ReleaseNameOf(options);
        var prepared = HelmValues.ForRender(WithChartValues(chart, options.ChartValues), userValues, options.SkipSchemaValidation);
        var processed = prepared.Chart;
        CheckKubeVersion(processed, capabilities);

        var release = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Name"] = releaseName,
            ["Namespace"] = options.Namespace,
            ["IsUpgrade"] = options.IsUpgrade,
            ["IsInstall"] = !options.IsUpgrade,
            ["Revision"] = (long)options.Revision,
            ["Service"] = "Helm",
        };
        var templates = TemplateScopes.Collect(processed, prepared.Values, release, capabilities);
        var rendered = RenderTemplates(templates, options, cancellationToken);

        var notes = new StringBuilder();
        foreach (var name in rendered.Keys.Where(k => k.EndsWith(NotesFile, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList())
        {
            // With subNotes every chart's NOTES, newline-separated; Helm takes them in map order, this in path order.
            if (options.SubNotes || name == $"{processed.Name}/templates/{NotesFile}")
            {
                notes.Append(notes.Length > 0 ? "\n" : "").Append(rendered[name]);
            }

            rendered.Remove(name);
        }

        var (hooks, manifests) = ManifestSorter.Sort(rendered);
        var crds = processed.CrdObjects.Select(c => new KeyValuePair<string, string>(c.Filename, Encoding.UTF8.GetString(c.File.Data))).ToList();
        return new HelmRenderResult(releaseName, options, crds, manifests, hooks, notes.ToString(), prepared.Warnings);
    }

    private Dictionary<string, string> RenderTemplates(List<RenderableTemplate> templates, HelmRenderOptions options, CancellationToken cancellationToken)
    {
        var lookup = options.Lookup ?? GoTemplateOptions.NothingFound;
        var collection = _collections.GetOrAdd(RenderCacheKey.Templates(templates) + (options.Lookup is null ? "" : "+" + options.Lookup.GetHashCode()), () =>
        {
            try
            {
                return new GoTemplateRenderer(_limits, GoTemplateOptions.Helm with { Lookup = lookup }).CompileCollection(templates.Select(t => new KeyValuePair<string, string>(t.Name, t.Text)));
            }
            catch (TemplateException e)
            {
                throw TemplateFailed(e);
            }
        });

        var rendered = new Dictionary<string, string>(StringComparer.Ordinal);
        // Helm executes in its parse order, which matters when a template changes shared values (Sprig's set).
        var byName = templates.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var template in GoTemplateCollection.InHelmOrder(templates.Select(t => new KeyValuePair<string, string>(t.Name, t.Text))).Select(t => byName[t.Key]))
        {
            if (GoText.BaseName(template.Name).StartsWith('_'))
            {
                continue;
            }

            template.Scope["Template"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Name"] = template.Name, ["BasePath"] = template.BasePath };
            try
            {
                rendered[template.Name] = collection.Render(template.Name, template.Scope, cancellationToken).Replace(GoValues.NoValue, "", StringComparison.Ordinal);
            }
            catch (TemplateException e)
            {
                throw TemplateFailed(e);
            }
        }

        return rendered;
    }

    private static HelmException TemplateFailed(TemplateException e) =>
        new(HelmRenderErrorIds.TemplateFailed, e.Kind, e.HelmMessage ?? e.GoMessage ?? e.Message, ManifestSorter.ChartOf(e.SourceName), e.SourceName, e.Line > 0 ? e.Line : null, e.RecommendedAction, e);

    /// <summary>Helm's checkIfInstallable and CheckDependencies, which <c>helm template</c> runs before anything else.</summary>
    private static void CheckInstallable(Chart chart)
    {
        if (chart.Metadata.Type is not ("" or "application"))
        {
            throw new HelmException(HelmRenderErrorIds.ChartNotInstallable, ErrorKind.InvalidArgument, $"{chart.Metadata.Type} charts are not installable", chart.Name,
                recommendedAction: "Render a chart that depends on the library chart instead.");
        }

        var missing = chart.Metadata.Dependencies.Where(d => chart.Dependencies.All(c => c.Name != d.Name)).Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            throw new HelmException(HelmRenderErrorIds.ChartNotInstallable, ErrorKind.ObjectNotFound,
                $"An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: {string.Join(", ", missing)}",
                chart.Name, "Chart.yaml", recommendedAction: "Put the dependencies into the chart's charts/ folder (helm dependency build).");
        }
    }

    private string ReleaseNameOf(HelmRenderOptions options)
    {
        var name = options.ReleaseName ?? HelmRenderOptions.DefaultReleaseName;
        if (!string.IsNullOrEmpty(options.NameTemplate))
        {
            if (options.ReleaseName is not null)
            {
                throw new HelmException(HelmRenderErrorIds.InvalidReleaseName, ErrorKind.InvalidArgument, "cannot set --name-template and also specify a name",
                    recommendedAction: "Give either -ReleaseName or -NameTemplate.");
            }

            try
            {
                name = new GoTemplateRenderer(_limits, GoTemplateOptions.Helm with { MissingKey = GoMissingKey.Default }).Compile(options.NameTemplate, "name-template").Render((object?)null);
            }
            catch (TemplateException e)
            {
                throw new HelmException(HelmRenderErrorIds.InvalidReleaseName, ErrorKind.InvalidArgument, e.GoMessage ?? e.Message, inner: e);
            }
        }

        // Helm's dry run (helm template) only checks that there is a name and its length, not its characters.
        if (name.Length == 0 || name.Length > MaxReleaseNameLength)
        {
            throw new HelmException(HelmRenderErrorIds.InvalidReleaseName, ErrorKind.InvalidArgument,
                name.Length == 0 ? "name is required" : $"release name \"{name}\" exceeds max length of {MaxReleaseNameLength}",
                recommendedAction: "Give a release name of 1 to 53 characters.");
        }

        return name;
    }

    private static void CheckKubeVersion(Chart chart, HelmCapabilities capabilities)
    {
        var constraint = chart.Metadata.KubeVersion;
        if (constraint.Length == 0)
        {
            return;
        }

        bool compatible;
        try
        {
            compatible = VersionConstraint.Parse(constraint).IsSatisfiedBy(capabilities.KubeVersion.Version);
        }
        catch (ChartSourceException)
        {
            compatible = false;
        }

        if (!compatible)
        {
            throw new HelmException(HelmRenderErrorIds.KubeVersionIncompatible, ErrorKind.InvalidArgument,
                $"chart requires kubeVersion: {constraint} which is incompatible with Kubernetes {capabilities.KubeVersion.Version}", chart.Name, "Chart.yaml",
                recommendedAction: "Render for a Kubernetes version the chart supports (-KubeVersion).");
        }
    }

}
