using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Profiles.Schema;

/// <summary>
/// The ClusterProfile/Profile v1beta1 API (config.projectsveltos.io), as the addon-controller and libsveltos
/// define it (addon-controller v1.5: pre/post delete checks, patchesFrom, kustomize components, CEL health checks).
/// A field not listed here is refused wherever it appears, so it must list every field Sveltos has.
/// </summary>
internal static class ProfileSchema
{
    public const string ApiVersion = "config.projectsveltos.io/v1beta1";
    public const string SveltosClusterApiVersion = "lib.projectsveltos.io/v1beta1";
    public const string CapiClusterApiVersion = "cluster.x-k8s.io/v1beta1";

    public static readonly string[] SyncModes = Enum.GetNames<SyncMode>();
    public static readonly string[] StopMatchingBehaviors = Enum.GetNames<StopMatchingBehavior>();
    public static readonly string[] DeploymentTypes = Enum.GetNames<DeploymentType>();
    public static readonly string[] HelmChartActions = Enum.GetNames<HelmChartAction>();
    public static readonly string[] ClusterKinds = ["SveltosCluster", "Cluster"];
    public static readonly string[] ConfigKinds = ["ConfigMap", "Secret"];
    public static readonly string[] SourceKinds = ["GitRepository", "OCIRepository", "Bucket", "ConfigMap", "Secret"];
    public static readonly string[] FeatureIds = ["Resources", "Helm", "Kustomize"];
    public static readonly string[] LabelFilterOperations = ["Equal", "Different"];
    public static readonly string[] DeletionPropagations = ["orphan", "foreground", "background"];

    public static readonly ObjectSchema ValueFrom = new(
        Str("namespace"),
        Str("name") with { Required = true, NotEmpty = true },
        OneOf("kind", ConfigKinds) with { Required = true },
        Bool("optional"));

    // corev1.ObjectReference, as clusterRefs and templateResourceRefs[].resource use it.
    public static readonly ObjectSchema ClusterReference = new(
        Str("apiVersion"),
        OneOf("kind", ClusterKinds) with { Required = true },
        Str("namespace") with { Required = true, NotEmpty = true, Check = LabelSyntax.CheckDnsLabel },
        Str("name") with { Required = true, NotEmpty = true },
        Str("uid"),
        Str("resourceVersion"),
        Str("fieldPath"));

    public static readonly ObjectSchema SecretReference = new(Str("name"), Str("namespace"));

    public static readonly ObjectSchema RegistryCredentials = new(
        Obj("credentials", SecretReference),
        Str("key"),
        Obj("ca", SecretReference),
        Bool("insecureSkipTLSVerify"),
        Bool("plainHTTP"));

    public static readonly ObjectSchema HelmInstallOptions = new(Bool("createNamespace"), Bool("replace"), Bool("disableHooks"));

    public static readonly ObjectSchema HelmUpgradeOptions = new(
        Bool("force"),
        Bool("resetValues"),
        Bool("reuseValues"),
        Bool("resetThenReuseValues"),
        Bool("recreate"),
        Int("maxHistory", 0, int.MaxValue),
        Bool("cleanupOnFail"),
        Bool("subNotes"),
        Bool("upgradeCRDs"),
        Bool("disableHooks"));

    public static readonly ObjectSchema HelmUninstallOptions = new(
        Bool("keepHistory"),
        OneOf("deletionPropagation", DeletionPropagations),
        Bool("disableHooks"));

    public static readonly ObjectSchema HelmOptions = new(
        Bool("skipCRDs"),
        Bool("wait"),
        Bool("waitForJobs"),
        new SchemaField("timeout", FieldKind.Duration),
        Bool("disableHooks"),
        Bool("disableOpenAPIValidation"),
        Bool("skipSchemaValidation"),
        Bool("atomic"),
        Bool("dependencyUpdate"),
        Map("labels", LabelSyntax.CheckKey),
        Bool("enableClientCache"),
        Str("description"),
        Obj("installOptions", HelmInstallOptions),
        Obj("upgradeOptions", HelmUpgradeOptions),
        Obj("uninstallOptions", HelmUninstallOptions));

    // chartName, chartVersion and repositoryName are required for HTTP and OCI repositories only (ProfileValidator):
    // a chart from a Flux source (gitrepository://ns/name/path) has none.
    public static readonly ObjectSchema HelmChart = new(
        Str("repositoryURL") with { Required = true, NotEmpty = true },
        Str("repositoryName"),
        Str("chartName"),
        Str("chartVersion"),
        Str("releaseName") with { Required = true, NotEmpty = true },
        Str("releaseNamespace") with { Required = true, NotEmpty = true },
        Str("values"),
        List("valuesFrom", ValueFrom),
        OneOf("helmChartAction", HelmChartActions),
        Obj("options", HelmOptions),
        Obj("registryCredentialsConfig", RegistryCredentials));

    // Sveltos' newer remoteURL: name and kind are then not needed (ProfileValidator requires one or the other).
    public static readonly ObjectSchema RemoteUrl = new(
        Str("url") with { Required = true, NotEmpty = true },
        new SchemaField("interval", FieldKind.Duration),
        Obj("secretRef", SecretReference),
        Bool("plainHTTP"),
        Bool("insecureSkipTLSVerify"));

    public static readonly ObjectSchema PolicyRef = new(
        Str("namespace"),
        Str("name") with { NotEmpty = true },
        OneOf("kind", SourceKinds),
        Str("path"),
        Obj("remoteURL", RemoteUrl),
        OneOf("deploymentType", DeploymentTypes),
        Bool("optional"));

    public static readonly ObjectSchema KustomizationRef = new(
        Str("namespace"),
        Str("name") with { NotEmpty = true },
        OneOf("kind", SourceKinds),
        Str("path"),
        Obj("remoteURL", RemoteUrl),
        Str("targetNamespace") with { NotEmpty = true, MaxLength = 63 },
        OneOf("deploymentType", DeploymentTypes),
        Map("values"),
        List("valuesFrom", ValueFrom),
        new SchemaField("components", FieldKind.StringList),
        Bool("optional"));

    public static readonly ObjectSchema ResourceReference = new(
        Str("apiVersion"),
        Str("kind") with { Required = true, NotEmpty = true },
        Str("namespace"),
        Str("name") with { Required = true, NotEmpty = true },
        Str("uid"),
        Str("resourceVersion"),
        Str("fieldPath"));

    public static readonly ObjectSchema TemplateResourceRef = new(
        Obj("resource", ResourceReference) with { Required = true },
        Str("identifier") with { Required = true, NotEmpty = true },
        Bool("optional"),
        Bool("ignoreStatusChanges"));

    public static readonly ObjectSchema PatchSelector = new(
        Str("group"),
        Str("version"),
        Str("kind"),
        Str("namespace"),
        Str("name"),
        new SchemaField("labelSelector", FieldKind.SelectorString),
        Str("annotationSelector"));

    public static readonly ObjectSchema Patch = new(
        Str("patch") with { Required = true, NotEmpty = true },
        Obj("target", PatchSelector));

    public static readonly ObjectSchema DriftExclusion = new(
        new SchemaField("paths", FieldKind.StringList) { Required = true },
        Obj("target", PatchSelector));

    public static readonly ObjectSchema LabelFilter = new(
        Str("key") with { Required = true, NotEmpty = true },
        OneOf("operation", LabelFilterOperations) with { Required = true },
        Str("value"));

    // libsveltos ValidateHealth, used by validateHealths and the pre/post checks.
    public static readonly ObjectSchema HealthCheck = new(
        Str("name") with { Required = true, NotEmpty = true },
        OneOf("featureID", FeatureIds) with { Required = true },
        Str("group"),
        Str("version"),
        Str("kind") with { Required = true, NotEmpty = true },
        List("labelFilters", LabelFilter),
        Str("namespace"),
        Str("script"),
        new SchemaField("evaluateCEL", FieldKind.Any));

    public static readonly ObjectSchema Spec = new(
        new SchemaField("clusterSelector", FieldKind.LabelSelector),
        List("clusterRefs", ClusterReference),
        new SchemaField("setRefs", FieldKind.StringList) { Check = LabelSyntax.CheckDnsSubdomain },
        OneOf("syncMode", SyncModes),
        Int("tier", 1, int.MaxValue),
        Bool("continueOnConflict"),
        Bool("continueOnError"),
        new SchemaField("maxUpdate", FieldKind.IntOrPercent),
        OneOf("stopMatchingBehavior", StopMatchingBehaviors),
        Bool("reloader"),
        List("templateResourceRefs", TemplateResourceRef),
        new SchemaField("dependsOn", FieldKind.StringList) { Check = LabelSyntax.CheckDnsSubdomain },
        List("policyRefs", PolicyRef),
        List("helmCharts", HelmChart),
        List("kustomizationRefs", KustomizationRef),
        List("validateHealths", HealthCheck),
        List("preDeployChecks", HealthCheck),
        List("preDeleteChecks", HealthCheck),
        List("postDeleteChecks", HealthCheck),
        List("patches", Patch),
        List("patchesFrom", ValueFrom),
        List("driftExclusions", DriftExclusion),
        Int("maxConsecutiveFailures", 0, uint.MaxValue),
        Map("extraLabels", LabelSyntax.CheckKey),
        Map("extraAnnotations", LabelSyntax.CheckKey));

    public static readonly ObjectSchema Metadata = ObjectMetaSchema.For(LabelSyntax.CheckDnsLabel);

    public static readonly ObjectSchema Root = new(
        Str("apiVersion") with { Required = true },
        Str("kind") with { Required = true },
        Obj("metadata", Metadata) with { Required = true },
        Obj("spec", Spec),
        ObjectMetaSchema.Status);

    private static SchemaField Str(string name) => new(name, FieldKind.String);

    private static SchemaField Bool(string name) => new(name, FieldKind.Boolean);

    private static SchemaField Int(string name, long minimum, long maximum) =>
        new(name, FieldKind.Integer) { Minimum = minimum, Maximum = maximum };

    private static SchemaField OneOf(string name, string[] allowed) => new(name, FieldKind.String) { Allowed = allowed };

    private static SchemaField Map(string name, Func<string, string?>? keyCheck = null) =>
        new(name, FieldKind.StringMap) { Check = keyCheck };

    private static SchemaField Obj(string name, ObjectSchema schema) => new(name, FieldKind.Object) { Item = schema };

    private static SchemaField List(string name, ObjectSchema schema) => new(name, FieldKind.ObjectList) { Item = schema };
}
