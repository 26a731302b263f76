using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Deploy.Releases;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Releases;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Helm.Values;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// spec.helmCharts: each chart fetched and rendered for the cluster (its Kubernetes version and served APIs as
/// .Capabilities, lookup answered by it, the entry's values a Go template over the cluster's data, as in Sveltos), its
/// objects stamped with Helm's ownership, and the release's Helm 3 storage Secrets, so that the objects go through the
/// same plan and apply as any content (which runs the hooks the storage holds) and helm itself sees the release. An
/// Uninstall entry, or a chart that leaves the profile, yields nothing (with keepHistory, only the history): the plan
/// then removes what the release had deployed, storage included.
/// </summary>
public sealed class HelmChartSource : IContentSource
{
    public async Task<ContentResult> ResolveAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        var objects = new List<ContentObject>();
        var sources = new List<SourceVersion>();
        var releases = new List<DeployedRelease>();
        var entries = new List<HelmReleaseEntry>();
        TemplateData? data = null;
        async Task<TemplateData> Data() => data ??= await request.TemplateDataAsync(cancellationToken).ConfigureAwait(false);
        var charts = request.Profile.Spec.HelmCharts;
        for (var index = 0; index < charts.Count; index++)
        {
            var chart = charts[index];
            var where = $"{request.Profile.Identity} helmCharts[{index}] (release {chart.ReleaseNamespace}/{chart.ReleaseName}, chart {(chart.ChartName.Length > 0 ? chart.ChartName : chart.RepositoryUrl)})";
            var options = HelmApplyOptions.From(chart, where);
            entries.Add(new HelmReleaseEntry(chart.ReleaseNamespace, chart.ReleaseName, options));
            if (chart.Action == HelmChartAction.Uninstall)
            {
                if (chart.Options?.KeepHistory == true)
                {
                    var kept = await request.HelmReleases(chart.ReleaseNamespace, chart.ReleaseName, cancellationToken).ConfigureAwait(false);
                    objects.AddRange(new HelmReleaseContent(chart, [], kept, where).UninstalledStorage(DateTimeOffset.UtcNow));
                }

                continue;
            }

            var values = new List<HelmValuesFrom.ValuesText>();
            if (chart.Values is { Length: > 0 } text)
            {
                var rendered = text.Contains("{{", StringComparison.Ordinal) ? ContentTemplates.RenderField(text, $"{where} values", await Data().ConfigureAwait(false), cancellationToken) : text;
                values.Add(new(rendered, $"{where} values", FromSecret: false));
            }

            var (valuesFrom, versions) = await HelmValuesFrom.ReadAsync(request, chart, where, Data, cancellationToken).ConfigureAwait(false);
            values.AddRange(valuesFrom);
            sources.AddRange(versions);
            var (access, secrets) = await HelmRegistryAccess.OptionsAsync(request, chart, where, cancellationToken).ConfigureAwait(false);
            sources.AddRange(secrets);
            var (location, chartSource) = await HelmChartLocator.LocateAsync(request, chart, where, cancellationToken).ConfigureAwait(false);
            if (chartSource is not null)
            {
                sources.Add(chartSource);
            }

            var history = await request.HelmReleases(chart.ReleaseNamespace, chart.ReleaseName, cancellationToken).ConfigureAwait(false);
            var (renderValues, release, chartValues) = HelmUpgradeValues.For(chart, values, history, where);
            await CheckNamespaceAsync(request, chart, where, cancellationToken).ConfigureAwait(false);
            if (release.DeployedVersion is null && release.LatestStatus == ReleaseStatus.Uninstalled && chart.Options?.Replace != true)
            {
                throw new ContentException(
                    "HelmReleaseNameInUse",
                    $"{where}: the release name is still in use: helm keeps the history of an uninstalled release {chart.ReleaseNamespace}/{chart.ReleaseName} (uninstall with keepHistory), and helm install refuses to re-use it.",
                    where,
                    "Set options.installOptions.replace: true to install over that history (as helm install --replace), or delete the release's history Secrets.");
            }

            // Rendered as the deployed revision first: when nothing differs from it, the release stays as it is.
            var render = new Render(chart, location, renderValues, access, chartValues, where);
            var expansion = await ExpandAsync(request, render, release.DeployedVersion ?? 1, release.DeployedVersion is not null, cancellationToken).ConfigureAwait(false);
            var unchanged = release.IsDeployed(expansion);
            if (release.DeployedVersion is not null && !unchanged)
            {
                expansion = await ExpandAsync(request, render, history.NextVersion, isUpgrade: true, cancellationToken).ConfigureAwait(false);
            }

            objects.AddRange(await HelmChartCrds.ObjectsAsync(request, chart, expansion.Result, release.DeployedVersion is not null, cancellationToken).ConfigureAwait(false));
            objects.AddRange(ObjectsOf(expansion, chart));
            objects.AddRange(release.StorageObjects(expansion, unchanged, DateTimeOffset.UtcNow));
            releases.Add(release.Describe(expansion, unchanged) with { Options = options.IsDefault ? null : options });
        }

        return new ContentResult(objects, sources) { HelmReleases = releases, HelmOptions = entries };
    }

    /// <summary>What renders a release: the entry, its values texts, how to reach the chart, reuseValues' chart defaults.</summary>
    private sealed record Render(HelmChart Chart, ChartReference Location, IReadOnlyList<HelmValuesFrom.ValuesText> Values, ChartSourceOptions Access, IReadOnlyDictionary<string, object?>? ChartValues, string Where);

    /// <summary>installOptions.createNamespace: false installs only into a namespace that exists, as helm install does.</summary>
    private static async Task CheckNamespaceAsync(ContentRequest request, HelmChart chart, string where, CancellationToken cancellationToken)
    {
        if (chart.Options?.CreateNamespace != false || await request.Lookup("v1", "Namespace", "", chart.ReleaseNamespace, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        throw new ContentException(
            "HelmNamespaceMissing",
            $"{where}: namespace '{chart.ReleaseNamespace}' does not exist on the cluster, and installOptions.createNamespace is false.",
            where,
            "Create the namespace first (in a profile this one dependsOn), or set installOptions.createNamespace: true.");
    }

    private static async Task<HelmChartExpansion> ExpandAsync(ContentRequest request, Render render, int revision, bool isUpgrade, CancellationToken cancellationToken)
    {
        var (chart, location, values, access, chartValues, where) = render;
        var expand = new HelmChartRequest(location)
        {
            Version = chart.ChartVersion,
            Source = access,
            Values = HelmReleaseContent.UserValues(values),
            UpdateDependencies = chart.Options?.DependencyUpdate == true,
            Render = new HelmRenderOptions
            {
                ReleaseName = chart.ReleaseName,
                Namespace = chart.ReleaseNamespace,
                KubeVersion = await request.KubernetesVersion(cancellationToken).ConfigureAwait(false),
                ServedApiVersions = await request.ApiVersions(cancellationToken).ConfigureAwait(false),
                IsUpgrade = isUpgrade,
                Revision = revision,
                SkipSchemaValidation = chart.Options?.SkipSchemaValidation == true,
                SubNotes = chart.Options?.SubNotes == true,
                ChartValues = chartValues,
                Lookup = (apiVersion, kind, ns, name) =>
                    GoValues.Normalize(request.Lookup(apiVersion, kind, ns, name, cancellationToken).GetAwaiter().GetResult()) ?? new Dictionary<string, object?>(StringComparer.Ordinal),
            },
        };

        try
        {
            return await request.Charts.ExpandAsync(expand, cancellationToken).ConfigureAwait(false);
        }
        catch (SveltosException ex) when (ex is not ContentException)
        {
            throw new ContentException(ex.ErrorId, $"{where}: {ex.Message}", where, ex.RecommendedAction);
        }
    }

    private static IEnumerable<ContentObject> ObjectsOf(HelmChartExpansion expansion, HelmChart chart)
    {
        var result = expansion.Result;
        var source = new SourceRef("HelmChart", chart.ReleaseNamespace, chart.ReleaseName);
        foreach (var manifest in result.Manifests)
        {
            if (ManifestHead.ToObject(manifest.Content) is not JsonObject obj)
            {
                continue;
            }

            yield return new ContentObject(HelmOwnership.Stamp(obj, chart.ReleaseName, chart.ReleaseNamespace), source with { Key = manifest.Name }, Tracking.ResourcesReason, DeploymentType.Remote)
            {
                DefaultNamespace = chart.ReleaseNamespace,
            };
        }
    }
}
