using System.Text.Json.Nodes;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Tests.Profiles;

public class UnknownFieldTests
{
    private const string Header = "apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata:\n  name: web\n";

    private const string SpecFields = "clusterSelector, clusterRefs, setRefs, syncMode, tier, continueOnConflict, continueOnError, maxUpdate, "
        + "stopMatchingBehavior, reloader, templateResourceRefs, dependsOn, policyRefs, helmCharts, kustomizationRefs, validateHealths, "
        + "preDeployChecks, preDeleteChecks, postDeleteChecks, patches, patchesFrom, driftExclusions, maxConsecutiveFailures, extraLabels, extraAnnotations";

    private const string Chart = "{repositoryURL: https://charts.example.com, repositoryName: r, chartName: c, chartVersion: v, releaseName: rel, releaseNamespace: ns";

    private static ProfileProblem Single(string yaml) => ProfileImportValidationTests.Single(yaml);

    [Fact]
    public void A_misspelled_spec_field_is_refused_naming_file_line_and_the_field_meant()
    {
        var problem = Single(Header + "spec:\n  clusterSelector:\n    matchLabels: {env: prod}\n  policyref:\n    - {kind: ConfigMap, name: web}\n");

        Assert.Equal(ProfileErrorIds.UnknownProfileField, problem.ErrorId);
        Assert.Equal(("spec.policyref", 0, 8, 3), (problem.FieldPath, problem.DocumentIndex!.Value, problem.Line!.Value, problem.Column!.Value));
        Assert.Equal($"fleet/prod.yaml[0] spec.policyref: unknown field 'policyref' at line 8, column 3; did you mean 'policyRefs'? (valid fields: {SpecFields})", problem.Message);
    }

    [Fact]
    public void A_field_nothing_is_close_to_lists_the_valid_fields_only()
    {
        var problem = ProfileImporter.ImportText("kind: ConfigMap\napiVersion: v1\nmetadata: {name: a}\n---\n" + Header + "spec:\n  foo: bar\n", "fleet/prod.yaml")[1].Problems.Single();

        Assert.Equal($"fleet/prod.yaml[1] spec.foo: unknown field 'foo' at line 10, column 3 (valid fields: {SpecFields})", problem.Message);
        Assert.Equal((1, 10), (problem.DocumentIndex!.Value, problem.Line!.Value));
    }

    [Theory]
    [InlineData("", "specs: {}", "specs", "spec")]
    [InlineData("", "Kind: ClusterProfile", "Kind", "kind")]
    [InlineData("  lables: {app: web}\n", "", "metadata.lables", "labels")]
    [InlineData("", "spec:\n  policyRefs: [{kind: ConfigMap, name: web, deploymentTyep: Local}]", "spec.policyRefs[0].deploymentTyep", "deploymentType")]
    [InlineData("", "spec:\n  clusterSelector: {matchLabel: {env: prod}}", "spec.clusterSelector.matchLabel", "matchLabels")]
    [InlineData("", "spec:\n  clusterSelector: {matchExpressions: [{key: env, operater: Exists}]}", "spec.clusterSelector.matchExpressions[0].operater", "operator")]
    [InlineData("", "spec:\n  clusterRefs: [{kind: SveltosCluster, namespace: a, name: b, nmespace: c}]", "spec.clusterRefs[0].nmespace", "namespace")]
    [InlineData("", "spec:\n  templateResourceRefs: [{identifier: x, resource: {kind: Secret, name: a, namspace: b}}]", "spec.templateResourceRefs[0].resource.namspace", "namespace")]
    [InlineData("", "spec:\n  helmCharts: [" + Chart + ", option: {}}]", "spec.helmCharts[0].option", "options")]
    [InlineData("", "spec:\n  helmCharts: [" + Chart + ", options: {wiat: true}}]", "spec.helmCharts[0].options.wiat", "wait")]
    [InlineData("", "spec:\n  helmCharts: [" + Chart + ", options: {installOptions: {createNamespaces: true}}}]", "spec.helmCharts[0].options.installOptions.createNamespaces", "createNamespace")]
    [InlineData("", "spec:\n  helmCharts: [" + Chart + ", valuesFrom: [{kind: ConfigMap, name: v, optinal: true}]}]", "spec.helmCharts[0].valuesFrom[0].optinal", "optional")]
    [InlineData("", "spec:\n  helmCharts: [" + Chart + ", registryCredentialsConfig: {credential: {name: r}}}]", "spec.helmCharts[0].registryCredentialsConfig.credential", "credentials")]
    [InlineData("", "spec:\n  kustomizationRefs: [{kind: GitRepository, name: x, component: [a]}]", "spec.kustomizationRefs[0].component", "components")]
    [InlineData("", "spec:\n  patches: [{patch: x, target: {knd: Deployment}}]", "spec.patches[0].target.knd", "kind")]
    [InlineData("", "spec:\n  driftExclusions: [{paths: [/spec/replicas], targets: {kind: Deployment}}]", "spec.driftExclusions[0].targets", "target")]
    [InlineData("", "spec:\n  validateHealths: [{name: h, featureID: Helm, kind: Deployment, scirpt: x}]", "spec.validateHealths[0].scirpt", "script")]
    [InlineData("", "spec:\n  validateHealths: [{name: h, featureID: Helm, kind: Deployment, labelFilters: [{key: a, operation: Equal, vaule: b}]}]", "spec.validateHealths[0].labelFilters[0].vaule", "value")]
    public void An_unknown_field_is_refused_at_any_depth(string metadata, string rest, string path, string meant)
    {
        var yaml = "apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata:\n  name: web\n" + metadata + rest + "\n";

        var problem = Single(yaml);

        Assert.Equal(ProfileErrorIds.UnknownProfileField, problem.ErrorId);
        Assert.Equal(path, problem.FieldPath);
        Assert.NotNull(problem.Line);
        Assert.Contains($"did you mean '{meant}'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_no_sveltos_release_is_refused_even_where_the_module_reads_it_raw()
    {
        var problem = Single(Header + "spec:\n  skipNamespaceCreation: true\n");

        Assert.Equal(("spec.skipNamespaceCreation", ProfileErrorIds.UnknownProfileField), (problem.FieldPath, problem.ErrorId));
    }

    [Fact]
    public void Every_unknown_field_of_a_document_is_reported_in_document_order()
    {
        var results = ProfileImporter.ImportText(Header + "  colour: red\nspec:\n  foo: 1\n  policyRefs: [{kind: ConfigMap, name: a, bar: 2}]\n", "fleet/prod.yaml");

        Assert.Equal(["metadata.colour", "spec.foo", "spec.policyRefs[0].bar"], results.Single().Problems.Select(p => p.FieldPath));
        Assert.Equal([5, 7, 8], results.Single().Problems.Select(p => p.Line!.Value));
    }

    [Fact]
    public void Fields_the_api_server_writes_are_accepted_and_kept()
    {
        var profile = ClusterProfileDocument.Parse(
            Header + "  uid: u\n  resourceVersion: '1'\n  generation: 2\n  creationTimestamp: '2025-01-01T00:00:00Z'\n  finalizers: [f]\n"
            + "  ownerReferences: [{apiVersion: v1, kind: X, name: y, uid: z}]\n  managedFields: [{manager: kubectl, fieldsV1: {f:spec: {}}}]\n"
            + "spec:\n  tier: 5\nstatus:\n  matchingClusters: [{kind: SveltosCluster, name: a, namespace: b}]\n");

        Assert.Empty(profile.Validate());
        Assert.Contains("managedFields:", profile.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_fields_listed_leave_out_those_only_the_api_server_writes()
    {
        var problem = Single(Header + "  lables: {a: b}\n");

        Assert.EndsWith("(valid fields: name, namespace, labels, annotations)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_read_again_from_a_copy_names_the_original_location_without_lines()
    {
        var error = Assert.Throws<ProfileValidationException>(() => ClusterProfileDocument.Parse(Header + "spec:\n  foo: 1\n", "fleet/prod.yaml", 2, 40));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("fleet/prod.yaml[2] spec.foo: unknown field 'foo' (valid fields: " + SpecFields + ")", null), (problem.Message, problem.Line));
    }

    [Fact]
    public void An_object_read_from_a_cluster_is_refused_without_a_line_to_point_at()
    {
        var item = JsonNode.Parse("""{"apiVersion":"config.projectsveltos.io/v1beta1","kind":"ClusterProfile","metadata":{"name":"web","uid":"u"},"spec":{"policyref":[]}}""")!.AsObject();

        var result = ProfileImporter.ImportObject(item, "management cluster 'mgmt' ClusterProfile/web");

        Assert.Equal((ImportOutcome.Invalid, "ClusterProfile", "web"), (result.Outcome, result.Kind, result.Name));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("spec.policyref", null, null), (problem.FieldPath, problem.Line, problem.Column));
        Assert.StartsWith("management cluster 'mgmt' ClusterProfile/web[0] spec.policyref: unknown field 'policyref'; did you mean 'policyRefs'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_object_read_from_a_cluster_is_a_profile()
    {
        var item = JsonNode.Parse("""{"apiVersion":"config.projectsveltos.io/v1beta1","kind":"ClusterProfile","metadata":{"name":"web","resourceVersion":"7"},"spec":{"tier":5},"status":{}}""")!.AsObject();

        var profile = ProfileImporter.ImportObject(item, "management cluster 'mgmt' ClusterProfile/web").Profile!;

        Assert.Equal((5, "management cluster 'mgmt' ClusterProfile/web", null), (profile.Spec.Tier, profile.Source, profile.Line));
    }

    [Fact]
    public void A_chart_from_an_http_repository_needs_its_name_and_version_one_from_a_flux_source_does_not()
    {
        var http = Single(Header + "spec:\n  helmCharts: [{repositoryURL: https://charts.example.com, repositoryName: r, chartVersion: v, releaseName: a, releaseNamespace: b}]\n");
        var flux = ProfileImporter.ImportText(Header + "spec:\n  helmCharts: [{repositoryURL: gitrepository://flux-system/repo/charts/app, releaseName: a, releaseNamespace: b}]\n").Single();

        Assert.Equal("fleet/prod.yaml[0] spec.helmCharts[0].chartName: required for a chart from an HTTP or OCI repository", http.Message);
        Assert.Equal(ImportOutcome.Profile, flux.Outcome);
    }

    [Fact]
    public void A_reference_names_a_source_or_a_remote_url_not_neither_nor_both()
    {
        var neither = Single(Header + "spec:\n  policyRefs: [{name: apps, path: ./apps}]\n");
        var both = Single(Header + "spec:\n  kustomizationRefs: [{kind: ConfigMap, remoteURL: {url: https://example.com/kz.tar.gz}}]\n");
        var remote = ProfileImporter.ImportText(Header + "spec:\n  policyRefs: [{remoteURL: {url: https://example.com/app.yaml, interval: 10m}}]\n").Single();

        Assert.Equal("fleet/prod.yaml[0] spec.policyRefs[0].kind: required unless remoteURL is given", neither.Message);
        Assert.Equal("fleet/prod.yaml[0] spec.kustomizationRefs[0].kind: give either a source (kind and name) or remoteURL, not both", both.Message);
        Assert.Equal(ImportOutcome.Profile, remote.Outcome);
    }

    [Fact]
    public void A_classifier_with_an_unknown_field_is_refused_by_the_importer()
    {
        var yaml = "apiVersion: lib.projectsveltos.io/v1beta1\nkind: Classifier\nmetadata:\n  name: k8s\n  resourceVersion: '3'\nspec:\n"
            + "  classifierLabels: [{key: k8s, value: new}]\n  kubernetesVersionConstraint: [{comparison: Equal, version: 1.30.0}]\nstatus: {}\n";

        var result = Assert.Single(ClassifierImporter.ImportText(yaml, "fleet/k8s.yaml"));

        Assert.Equal(ImportOutcome.Invalid, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ClassifierErrorIds.UnknownClassifierField, "spec.kubernetesVersionConstraint", 8), (problem.ErrorId, problem.FieldPath, problem.Line!.Value));
        Assert.Contains("did you mean 'kubernetesVersionConstraints'?", problem.Message, StringComparison.Ordinal);
    }
}
