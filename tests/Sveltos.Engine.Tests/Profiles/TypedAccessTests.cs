using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Tests.Profiles;

public class TypedAccessTests
{
    private static ClusterProfileDocument Load(string file) =>
        ProfileImporter.ImportFile(Path.Combine(AppContext.BaseDirectory, "Corpus", "profiles", file)).First(r => r.Profile is not null).Profile!;

    [Fact]
    public void Every_spec_field_is_readable_typed()
    {
        var profile = Load("every-spec-field.yaml");
        var spec = profile.Spec;

        Assert.Equal((ProfileKind.ClusterProfile, "every-field", (string?)null), (profile.Kind, profile.Name, profile.Namespace));
        Assert.Equal("platform", profile.Labels["team"]);
        Assert.Equal("covers the whole spec", profile.Annotations["projectsveltos.io/description"]);
        Assert.Equal("env=prod,!legacy,region=eu-west-1,stage notin (canary),tier in (backend,frontend),zone", spec.ClusterSelector!.ToString());
        Assert.Equal(
            [new ClusterReference("SveltosCluster", "lib.projectsveltos.io/v1beta1", "mgmt", "edge-1"), new ClusterReference("Cluster", "cluster.x-k8s.io/v1beta1", "capi", "workload-2")],
            spec.ClusterRefs);
        Assert.Equal(["prod-set"], spec.SetRefs);
        Assert.Equal(SyncMode.ContinuousWithDriftDetection, spec.SyncMode);
        Assert.Equal(50, spec.Tier);
        Assert.True(spec.ContinueOnConflict);
        Assert.False(spec.ContinueOnError);
        Assert.Equal(MaxUpdate.Percentage(30), spec.MaxUpdate);
        Assert.Equal(StopMatchingBehavior.LeavePolicies, spec.StopMatchingBehavior);
        Assert.True(spec.Reloader);
        Assert.Equal(
            new TemplateResourceReference(new ResourceReference("v1", "Secret", "default", "{{ .Cluster.metadata.name }}-creds"), "Creds", true, true),
            spec.TemplateResourceRefs.Single());
        Assert.Equal(["base-addons", "cni"], spec.DependsOn);
        Assert.Equal(new PolicyReference("Secret", null, "private-policies", null, DeploymentType.Local, true), spec.PolicyRefs[1]);
        Assert.Equal(new PolicyReference("GitRepository", "flux-system", "flux-system", "./manifests/prod", DeploymentType.Remote, false), spec.PolicyRefs[2]);
        Assert.Equal("kyverno/kyverno", spec.HelmCharts.Single().ChartName);
        var kustomization = spec.KustomizationRefs[0];
        Assert.Equal(("GitRepository", "eng", true), (kustomization.Kind, kustomization.TargetNamespace, kustomization.Optional));
        Assert.Equal("{{ index .Cluster.metadata.labels \"region\" }}", kustomization.Values["Region"]);
        Assert.Equal(new ValuesFromReference("ConfigMap", "default", "kustomize-values", false), kustomization.ValuesFrom.Single());
        Assert.Equal(DeploymentType.Remote, spec.KustomizationRefs[1].DeploymentType);
        var health = spec.ValidateHealths.Single();
        Assert.Equal(("deployment-health", "Helm", "apps", "v1", "Deployment", "kyverno"), (health.Name, health.FeatureId, health.Group, health.Version, health.Kind, health.Namespace));
        Assert.Equal(new LabelFilter("tier", "Different", "test"), health.LabelFilters[1]);
        Assert.StartsWith("function evaluate()\n", health.Script, StringComparison.Ordinal);
        Assert.Equal("StorageClass", spec.PreDeployChecks.Single().Kind);
        Assert.Equal("production", spec.PreDeleteChecks.Single().Namespace);
        Assert.Equal("Kustomize", spec.PostDeleteChecks.Single().FeatureId);
        Assert.Equal("app.kubernetes.io/instance=kyverno,tier in (a,b)", spec.Patches[0].Target!.LabelSelector);
        Assert.Null(spec.Patches[1].Target);
        Assert.EndsWith("patched: \"true\"", spec.Patches[1].Patch, StringComparison.Ordinal);
        Assert.Equal("shared-patches", spec.PatchesFrom.Single().Name);
        Assert.Equal(["/spec/replicas"], spec.DriftExclusions[0].Paths);
        Assert.Equal("coredns", spec.DriftExclusions[0].Target!.Name);
        Assert.Equal(2, spec.DriftExclusions[1].Paths.Count);
        Assert.Equal(5u, spec.MaxConsecutiveFailures);
        Assert.Equal("sveltos", spec.ExtraLabels["managed-by"]);
        Assert.Equal("platform", spec.ExtraAnnotations["example.com/owner"]);
    }

    [Fact]
    public void Helm_charts_expose_values_options_and_registry_credentials()
    {
        var charts = Load("helm-complete.yaml").Spec.HelmCharts;

        var prometheus = charts[0];
        Assert.Equal(("https://prometheus-community.github.io/helm-charts", "26.0.0", HelmChartAction.Install), (prometheus.RepositoryUrl, prometheus.ChartVersion, prometheus.Action));
        Assert.Contains("    tag: \"v2.55.0\"   # a comment inside the embedded YAML stays part of the text\n", prometheus.Values, StringComparison.Ordinal);
        Assert.True(prometheus.ValuesFrom[1].Optional);
        var options = prometheus.Options!;
        Assert.Equal((true, "10m0s", true, 5, "foreground"), (options.Wait, options.Timeout, options.CreateNamespace, options.MaxHistory, options.DeletionPropagation));
        Assert.Equal("observability", options.Labels["owner"]);
        Assert.True(options.ResetThenReuseValues);

        var app = charts[1];
        Assert.Equal(HelmChartAction.Uninstall, app.Action);
        Assert.Equal("folded values on two lines", app.Values);
        Assert.Null(app.Options);
        Assert.Equal(new RegistryCredentials("regcred", "default", "config.json", "registry-ca", "default", false, false), app.RegistryCredentials);
    }

    [Fact]
    public void Unset_fields_read_as_the_api_defaults()
    {
        var spec = Load("profile-namespaced.yaml").Spec;
        var bare = ClusterProfileDocument.Parse("apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata: {name: bare}\n").Spec;

        Assert.Equal(MaxUpdate.Count(2), spec.MaxUpdate);
        Assert.Equal((SyncMode.Continuous, 100, StopMatchingBehavior.WithdrawPolicies), (bare.SyncMode, bare.Tier, bare.StopMatchingBehavior));
        Assert.Null(bare.ClusterSelector);
        Assert.Null(bare.MaxUpdate);
        Assert.Null(bare.MaxConsecutiveFailures);
        Assert.Empty(bare.HelmCharts);
    }

    [Fact]
    public void Setters_update_the_document_in_place_and_keep_server_written_fields()
    {
        var profile = Load("server-written-fields.yaml").Clone();

        profile.Spec.SyncMode = SyncMode.DryRun;
        profile.Spec.Tier = 7;
        profile.Spec.MaxUpdate = MaxUpdate.Percentage(25);
        profile.Spec.ClusterSelector = Sveltos.Engine.Selection.LabelSelector.Parse("env in (prod,dev),!legacy");
        profile.Spec.DependsOn = ["cni"];
        profile.Name = "renamed";

        var yaml = profile.ToYaml();
        Assert.Empty(profile.Validate());
        Assert.Contains("  clusterSelector:\n    matchExpressions:\n      - key: env\n        operator: In\n        values:\n          - dev\n          - prod\n      - key: legacy\n        operator: DoesNotExist\n  reloader: false\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  syncMode: DryRun\n  tier: 7\n  maxUpdate: 25%\n  dependsOn:\n    - cni\n", yaml, StringComparison.Ordinal);
        Assert.Contains("ownerReferences:", yaml, StringComparison.Ordinal);
        Assert.Contains("hash: 7Gq0YCyZbw==", yaml, StringComparison.Ordinal);
        Assert.Equal("renamed", ClusterProfileDocument.Parse(yaml).Name);
    }

    [Fact]
    public void Setters_reject_values_the_api_rejects()
    {
        var spec = ClusterProfileDocument.Parse("apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata: {name: a}\n").Spec;

        Assert.Throws<ArgumentOutOfRangeException>(() => spec.Tier = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => spec.SyncMode = (SyncMode)42);
        Assert.Throws<ArgumentException>(() => spec.DependsOn = ["Not A Name"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxUpdate.Percentage(101));
    }

    [Theory]
    [InlineData("5", 5, false)]
    [InlineData("0", 0, false)]
    [InlineData("30%", 30, true)]
    [InlineData("100%", 100, true)]
    [InlineData("0%", 0, true)]
    public void MaxUpdate_reads_counts_and_percentages(string text, int value, bool percent)
    {
        Assert.True(MaxUpdate.TryParse(text, out var parsed));
        Assert.Equal((value, percent), (parsed.Value, parsed.IsPercentage));
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("101%")]
    [InlineData("-1")]
    [InlineData("5.5")]
    [InlineData("050%")]
    [InlineData("ten")]
    public void MaxUpdate_rejects_other_text(string text)
    {
        Assert.False(MaxUpdate.TryParse(text, out _));
    }
}
