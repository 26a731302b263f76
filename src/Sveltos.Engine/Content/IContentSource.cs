using System.Text.Json.Nodes;
using Sveltos.Engine.Content.Helm;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content;

/// <summary>
/// A kind of profile content (policyRefs and Helm charts today; kustomize later). Each turns a
/// (profile, cluster) pair into the objects to deploy; everything after that is shared.
/// </summary>
public interface IContentSource
{
    /// <summary>Produces the objects, or throws a <see cref="SveltosException"/>: a source that fails never yields a partial set.</summary>
    Task<ContentResult> ResolveAsync(ContentRequest request, CancellationToken cancellationToken);
}

/// <summary>What content is produced for: a profile, a cluster, the fleet, and the management-cluster resources fetched for templates.</summary>
public sealed record ContentRequest(ClusterProfileDocument Profile, FleetCluster Cluster, IFleet Fleet)
{
    private static readonly HelmRenderer Renderer = new();
    private static readonly Lazy<HelmChartExpander> DefaultCharts = new(() => new HelmChartExpander(new ChartFetcher(new ChartCache()), Renderer));

    /// <summary>The renderer every sync shares: its caches make rendering the same chart and values for many clusters nearly free.</summary>
    public static HelmRenderer SharedRenderer => Renderer;

    /// <summary>The profile's templateResourceRefs, fetched for this cluster, by identifier.</summary>
    public IReadOnlyDictionary<string, JsonObject> Resources { get; init; } = new Dictionary<string, JsonObject>();

    /// <summary>Template resources that do not exist yet; content that uses one waits for it.</summary>
    public IReadOnlyList<MissingResource> MissingResources { get; init; } = [];

    /// <summary>Fetches and renders Helm charts; one per sync, so each chart version is downloaded once for the whole fleet.</summary>
    public HelmChartExpander Charts { get; init; } = DefaultCharts.Value;

    /// <summary>Helm's lookup on the target cluster (apiVersion, kind, namespace, name): the object or list, null when there is none.</summary>
    public Func<string, string, string, string, CancellationToken, Task<JsonObject?>> Lookup { get; init; } = (_, _, _, _, _) => Task.FromResult<JsonObject?>(null);

    /// <summary>The Helm 3 release storage of one release on the target cluster (namespace, release name).</summary>
    public Func<string, string, CancellationToken, Task<HelmReleaseHistory>> HelmReleases { get; init; } = (_, _, _) => Task.FromResult(HelmReleaseHistory.None);


    /// <summary>Where a source says what it did, for -Verbose (which tool built the content, which version).</summary>
    public Action<string> Verbose { get; init; } = _ => { };

    /// <summary>The target cluster's served API versions (group/version and group/version/Kind); null where no cluster answers.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<string>?>> ApiVersions { get; init; } = _ => Task.FromResult<IReadOnlyList<string>?>(null);

    /// <summary>The cluster's Kubernetes version, asked for only when a template needs it.</summary>
    public Func<CancellationToken, Task<string?>> KubernetesVersion { get; init; } = _ => Task.FromResult<string?>(null);

    /// <summary>
    /// Where a reference without a namespace points, as in Sveltos: a Profile's own namespace, else the cluster's.
    /// </summary>
    public string ReferenceNamespace => Profile.Kind == ProfileKind.Profile ? Profile.Namespace! : Cluster.Namespace;

    /// <summary>What templates see for this cluster (with the resources fetched so far).</summary>
    public async Task<Templates.TemplateData> TemplateDataAsync(CancellationToken cancellationToken) =>
        new(ContentTemplates.ClusterObject(Cluster), await KubernetesVersion(cancellationToken).ConfigureAwait(false), Resources)
        {
            InfrastructureProvider = await ClusterApiReference.FetchAsync(Cluster, Fleet, "infrastructureRef", cancellationToken).ConfigureAwait(false),
            KubeadmControlPlane = await ClusterApiReference.FetchAsync(Cluster, Fleet, "controlPlaneRef", cancellationToken).ConfigureAwait(false),
        };
}

/// <summary>One object to deploy and where it came from.</summary>
public sealed record ContentObject(JsonObject Object, SourceRef Source, string Reason, DeploymentType Target)
{
    /// <summary>
    /// For an object a template produced: a hash of the template and of every value it could read. Syncs compare
    /// this rather than the output, so a template using random or crypto functions (genCA, randAlphaNum, uuidv4)
    /// is deployed again only when its inputs change, not with new keys at every sync.
    /// </summary>
    public string? RenderedFrom { get; init; }

    /// <summary>Where a namespaced object that names no namespace goes: "default", or a Helm release's namespace.</summary>
    public string DefaultNamespace { get; init; } = "default";
}

public sealed record ContentResult(IReadOnlyList<ContentObject> Objects, IReadOnlyList<SourceVersion> Sources)
{
    public static readonly ContentResult Empty = new([], []);

    /// <summary>The Helm releases the objects belong to (Remote only).</summary>
    public IReadOnlyList<DeployedRelease> HelmReleases { get; init; } = [];

    /// <summary>The options of every helmCharts entry, Uninstall entries included.</summary>
    public IReadOnlyList<Deploy.Releases.HelmReleaseEntry> HelmOptions { get; init; } = [];

    /// <summary>Targets (Remote, Local) whose content waits for something, with why: they are not deployed this time.</summary>
    public IReadOnlyDictionary<DeploymentType, string> Pending { get; init; } = new Dictionary<DeploymentType, string>();
}
