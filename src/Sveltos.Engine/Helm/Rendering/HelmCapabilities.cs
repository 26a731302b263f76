using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// <c>.Capabilities</c> as <c>helm template</c> sets it (chartutil.DefaultCapabilities): the Kubernetes version
/// (Helm 3.21's default is the Kubernetes release of its client libraries, 1.36, unless <c>--kube-version</c> is
/// given), the API versions of the client libraries' scheme plus <c>--api-versions</c>, and Helm's version.
/// </summary>
public sealed class HelmCapabilities : GoObject
{
    public const string DefaultKubeVersion = "v1.36.0";

    /// <summary>The Helm release whose behaviour the engine reproduces.</summary>
    public const string HelmVersionString = "v3.21.4";

    /// <summary>
    /// The group versions client-go's scheme registers (plus apiextensions), which is all <c>helm template</c>
    /// knows without a cluster: group/version strings only, no kinds.
    /// </summary>
    public static IReadOnlyList<string> DefaultApiVersions { get; } =
    [
        "v1",
        "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1", "admissionregistration.k8s.io/v1beta1",
        "internal.apiserver.k8s.io/v1alpha1",
        "apps/v1", "apps/v1beta1", "apps/v1beta2",
        "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1",
        "autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2",
        "batch/v1", "batch/v1beta1",
        "certificates.k8s.io/v1", "certificates.k8s.io/v1alpha1", "certificates.k8s.io/v1beta1",
        "coordination.k8s.io/v1", "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1",
        "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1",
        "events.k8s.io/v1", "events.k8s.io/v1beta1",
        "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3",
        "networking.k8s.io/v1", "networking.k8s.io/v1beta1",
        "node.k8s.io/v1", "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1",
        "policy/v1", "policy/v1beta1",
        "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1alpha1", "rbac.authorization.k8s.io/v1beta1",
        "resource.k8s.io/v1", "resource.k8s.io/v1alpha3", "resource.k8s.io/v1beta1", "resource.k8s.io/v1beta2",
        "scheduling.k8s.io/v1", "scheduling.k8s.io/v1alpha1", "scheduling.k8s.io/v1beta1",
        "storage.k8s.io/v1", "storage.k8s.io/v1alpha1", "storage.k8s.io/v1beta1",
        "storagemigration.k8s.io/v1alpha1",
        "apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1",
    ];

    public HelmCapabilities(HelmKubeVersion kubeVersion, IEnumerable<string> apiVersions)
    {
        ArgumentNullException.ThrowIfNull(kubeVersion);
        ArgumentNullException.ThrowIfNull(apiVersions);
        KubeVersion = kubeVersion;
        APIVersions = new HelmVersionSet(apiVersions);
    }

    /// <summary>
    /// Helm's defaults (or, against a cluster, the versions it <paramref name="served"/>) plus <paramref name="extraApiVersions"/>;
    /// <paramref name="kubeVersion"/> as <c>--kube-version</c> reads it, or null for the default.
    /// </summary>
    public static HelmCapabilities For(string? kubeVersion, IEnumerable<string>? extraApiVersions, IEnumerable<string>? served = null) =>
        new(string.IsNullOrEmpty(kubeVersion) ? HelmKubeVersion.Parse(DefaultKubeVersion) : HelmKubeVersion.Parse(kubeVersion),
            (served ?? DefaultApiVersions).Concat(extraApiVersions ?? []));

    public HelmKubeVersion KubeVersion { get; }

    // Go field names: templates read .Capabilities.APIVersions.
#pragma warning disable CA1707, IDE1006
    public HelmVersionSet APIVersions { get; }
#pragma warning restore CA1707, IDE1006

    public HelmBuildInfo HelmVersion { get; } = new(HelmVersionString, "", "clean", "");

    public override string GoTypeName => "*chartutil.Capabilities";

    public override bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "KubeVersion" => KubeVersion,
            "APIVersions" => APIVersions,
            "HelmVersion" => HelmVersion,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>Go's %v of the pointer: <c>&amp;{{v1.36.0 1 36} [v1 ...] {v3.21.4  clean }}</c>.</summary>
    public override string ToString() => $"&{{{KubeVersion.StructText} {APIVersions} {HelmVersion}}}";
}

/// <summary><c>.Capabilities.HelmVersion</c> (Helm's version.BuildInfo).</summary>
public sealed class HelmBuildInfo(string version, string gitCommit, string gitTreeState, string goVersion) : GoObject
{
    public string Version { get; } = version;

    public string GitCommit { get; } = gitCommit;

    public string GitTreeState { get; } = gitTreeState;

    public string GoVersion { get; } = goVersion;

    public override string GoTypeName => "version.BuildInfo";

    public override bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "Version" => Version,
            "GitCommit" => GitCommit,
            "GitTreeState" => GitTreeState,
            "GoVersion" => GoVersion,
            _ => null,
        };
        return value is not null;
    }

    public override string ToString() => $"{{{Version} {GitCommit} {GitTreeState} {GoVersion}}}";
}

/// <summary><c>.Capabilities.APIVersions</c>: a list of "group/version" (and "group/version/Kind") strings with <see cref="Has"/>.</summary>
public sealed class HelmVersionSet(IEnumerable<string> versions) : GoObject
{
    private readonly HashSet<string> _set = new(versions, StringComparer.Ordinal);

    public IReadOnlyList<string> Versions { get; } = versions.ToList();

    public override string GoTypeName => "chartutil.VersionSet";

    public bool Has(string apiVersion) => _set.Contains(apiVersion);

    public override GoMethod? GetMethod(string name) =>
        name == "Has" ? new GoMethod(1, args => Has(args[0] as string ?? throw new GoCallException($"wrong type for value; expected string; got {GoValueType(args[0])}"))) : null;

    public override string ToString() => $"[{string.Join(' ', Versions)}]";

    internal static string GoValueType(object? value) => value switch
    {
        null => "<nil>",
        long => "int",
        double => "float64",
        bool => "bool",
        Dictionary<string, object?> => "map[string]interface {}",
        List<object?> => "[]interface {}",
        GoObject o => o.GoTypeName,
        _ => value.GetType().Name,
    };
}
