using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Tests.Profiles;

public class ProfileImportValidationTests
{
    private const string Header = "apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata:\n  name: web\n";

    private static IReadOnlyList<string> Messages(string yaml, string source = "fleet/prod.yaml") =>
        ProfileImporter.ImportText(yaml, source).SelectMany(r => r.Problems).Select(p => p.Message).ToList();

    /// <summary>The one problem of a document read as fleet/prod.yaml, which must be refused.</summary>
    internal static ProfileProblem Single(string yaml)
    {
        var result = Assert.Single(ProfileImporter.ImportText(yaml, "fleet/prod.yaml"));
        Assert.Equal(ImportOutcome.Invalid, result.Outcome);
        Assert.Null(result.Profile);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void A_bad_enum_value_names_file_document_field_and_allowed_values()
    {
        var yaml = "kind: ConfigMap\napiVersion: v1\nmetadata: {name: a}\n---\n---\n" + Header + "spec:\n  syncMode: Continous\n";

        var problem = ProfileImporter.ImportText(yaml, "fleet/prod.yaml")[1].Problems.Single();

        Assert.Equal("fleet/prod.yaml[2] spec.syncMode: 'Continous' is not one of OneTime, Continuous, ContinuousWithDriftDetection, DryRun", problem.Message);
        Assert.Equal("InvalidProfileField", problem.ErrorId);
        Assert.Equal((2, "spec.syncMode", 11, 13), (problem.DocumentIndex!.Value, problem.FieldPath, problem.Line!.Value, problem.Column!.Value));
    }

    [Fact]
    public void A_wrong_field_type_is_reported()
    {
        var problem = Single(Header + "spec:\n  tier: high\n");

        Assert.Equal("fleet/prod.yaml[0] spec.tier: expected an integer, got the string 'high'", problem.Message);
        Assert.Equal("InvalidProfileField", problem.ErrorId);
    }

    [Theory]
    [InlineData("tier: 0", "spec.tier: must be at least 1, got 0")]
    [InlineData("tier: 2147483648", "spec.tier: must be at most 2147483647, got 2147483648")]
    [InlineData("tier: '5'", "spec.tier: expected an integer, got the string '5'")]
    [InlineData("continueOnError: 'true'", "spec.continueOnError: expected true or false, got the string 'true'")]
    [InlineData("reloader: 1", "spec.reloader: expected true or false, got the number 1")]
    [InlineData("maxUpdate: 150%", "spec.maxUpdate: '150%' is not a count or a percentage such as 5 or 30%")]
    [InlineData("maxUpdate: -1", "spec.maxUpdate: '-1' is not a count or a percentage such as 5 or 30%")]
    [InlineData("stopMatchingBehavior: leavepolicies", "spec.stopMatchingBehavior: 'leavepolicies' is not one of WithdrawPolicies, LeavePolicies")]
    [InlineData("dependsOn: [Base]", "spec.dependsOn[0]: 'Base' must be a lowercase DNS subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit")]
    [InlineData("dependsOn: [web]", "spec.dependsOn[0]: a profile cannot depend on itself")]
    [InlineData("setRefs: prod", "spec.setRefs: expected a list of strings, got the string 'prod'")]
    [InlineData("helmCharts: {chartName: x}", "spec.helmCharts: expected a list, got a mapping")]
    [InlineData("clusterRefs: [{kind: Machine, namespace: a, name: b}]", "spec.clusterRefs[0].kind: 'Machine' is not one of SveltosCluster, Cluster")]
    [InlineData("policyRefs: [{kind: ConfigMap, name: x, deploymentType: remote}]", "spec.policyRefs[0].deploymentType: 'remote' is not one of Local, Remote")]
    [InlineData("extraLabels: {env: 1}", "spec.extraLabels.env: expected a string, got the number 1 (quote it to keep it a string: '1')")]
    [InlineData("maxConsecutiveFailures: -2", "spec.maxConsecutiveFailures: must be at least 0, got -2")]
    [InlineData("patches: [{patch: x, target: {labelSelector: 'app in (a'}}]", "spec.patches[0].target.labelSelector: invalid label selector 'app in (a': missing ')' at position 10")]
    [InlineData("kustomizationRefs: [{kind: GitRepository, name: x, targetNamespace: ''}]", "spec.kustomizationRefs[0].targetNamespace: must not be empty")]
    [InlineData("helmCharts: [{repositoryURL: u, repositoryName: r, chartName: c, chartVersion: 1.0, releaseName: rel, releaseNamespace: ns}]", "spec.helmCharts[0].chartVersion: expected a string, got the number 1.0 (quote it to keep it a string: '1.0')")]
    [InlineData("helmCharts: [{repositoryURL: u, repositoryName: r, chartName: c, chartVersion: v, releaseName: rel, releaseNamespace: ns, options: {timeout: 5 minutes}}]", "spec.helmCharts[0].options.timeout: '5 minutes' is not a duration such as 90s, 5m or 1h30m")]
    [InlineData("templateResourceRefs: [{resource: {kind: Secret, name: a}, identifier: x}, {resource: {kind: Secret, name: b}, identifier: x}]", "spec.templateResourceRefs[1].identifier: 'x' is already used by spec.templateResourceRefs[0]")]
    public void Field_problems_are_reported_with_their_path(string spec, string expected)
    {
        Assert.Equal($"fleet/prod.yaml[0] {expected}", Single(Header + "spec:\n  " + spec + "\n").Message);
    }

    [Fact]
    public void Missing_required_fields_are_reported()
    {
        var problem = Single(Header + "spec:\n  helmCharts:\n    - repositoryURL: https://charts\n      repositoryName: r\n      chartName: c\n      chartVersion: v1\n      releaseName: rel\n");

        Assert.Equal("fleet/prod.yaml[0] spec.helmCharts[0].releaseNamespace: required field is missing", problem.Message);
        Assert.Equal("MissingProfileField", problem.ErrorId);
    }

    [Fact]
    public void All_problems_of_a_document_are_collected_in_document_order()
    {
        var messages = Messages(Header + "spec:\n  tier: high\n  syncMode: Sometimes\n  policyRefs:\n    - kind: Deployment\n      name: ''\n");

        Assert.Equal(
            [
                "fleet/prod.yaml[0] spec.tier: expected an integer, got the string 'high'",
                "fleet/prod.yaml[0] spec.syncMode: 'Sometimes' is not one of OneTime, Continuous, ContinuousWithDriftDetection, DryRun",
                "fleet/prod.yaml[0] spec.policyRefs[0].kind: 'Deployment' is not one of GitRepository, OCIRepository, Bucket, ConfigMap, Secret",
                "fleet/prod.yaml[0] spec.policyRefs[0].name: must not be empty",
            ],
            messages);
    }

    [Fact]
    public void An_invalid_cluster_selector_is_an_InvalidSelector_problem()
    {
        var problem = Single(Header + "spec:\n  clusterSelector:\n    matchExpressions:\n      - {key: env, operator: Equals, values: [prod]}\n");

        Assert.Equal("fleet/prod.yaml[0] spec.clusterSelector.matchExpressions[0].operator: 'Equals' is not one of In, NotIn, Exists, DoesNotExist", problem.Message);
        Assert.Equal("InvalidSelector", problem.ErrorId);
    }

    [Fact]
    public void The_old_string_cluster_selector_is_rejected_with_a_hint()
    {
        var problem = Single(Header + "spec:\n  clusterSelector: env=prod\n");

        Assert.Equal("fleet/prod.yaml[0] spec.clusterSelector: expected a mapping with matchLabels and/or matchExpressions, got the string 'env=prod'", problem.Message);
    }

    [Fact]
    public void A_wrong_api_version_is_reported()
    {
        var problem = Single(Header.Replace("v1beta1", "v1alpha1", StringComparison.Ordinal));

        Assert.Equal("fleet/prod.yaml[0] apiVersion: 'config.projectsveltos.io/v1alpha1' is not supported; ClusterProfile must use config.projectsveltos.io/v1beta1", problem.Message);
        Assert.Equal("UnsupportedApiVersion", problem.ErrorId);
    }

    [Fact]
    public void Other_kinds_are_reported_for_the_caller_to_skip()
    {
        var result = Assert.Single(ProfileImporter.ImportText("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n", "fleet/prod.yaml"));

        Assert.Equal(ImportOutcome.OtherKind, result.Outcome);
        Assert.Equal(("v1", "ConfigMap", "x"), (result.ApiVersion, result.Kind, result.Name));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("fleet/prod.yaml[0] kind: 'ConfigMap' (v1) is not a ClusterProfile or Profile", problem.Message);
        Assert.Equal("UnsupportedKind", problem.ErrorId);
        Assert.Equal("b", result.ToJsonObject()!["data"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_position_and_earlier_documents_survive()
    {
        var results = ProfileImporter.ImportText(Header + "---\n" + Header + "spec:\n  tier: [1\n", "fleet/prod.yaml");

        Assert.Equal(ImportOutcome.Profile, results[0].Outcome);
        var problem = Assert.Single(results[1].Problems);
        Assert.Equal("MalformedYaml", problem.ErrorId);
        Assert.StartsWith("fleet/prod.yaml[1]: ", problem.Message);
        Assert.Matches(@"\(line \d+, column \d+\)$", problem.Message);
    }

    [Fact]
    public void A_duplicate_key_is_malformed_yaml()
    {
        var problem = Single(Header + "spec:\n  tier: 1\n  tier: 2\n");

        Assert.Equal("fleet/prod.yaml[0]: duplicate key 'tier' (line 7, column 3)", problem.Message);
        Assert.Equal("MalformedYaml", problem.ErrorId);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_malformed()
    {
        Assert.Equal("fleet/prod.yaml[0]: expected a Kubernetes object (a mapping), got a list", Single("- a\n- b\n").Message);
    }

    [Fact]
    public void Missing_kind_and_name_are_reported()
    {
        Assert.Equal("fleet/prod.yaml[0] kind: required field is missing", Single("apiVersion: v1\nmetadata: {name: a}\n").Message);
        Assert.Equal("fleet/prod.yaml[0] metadata.name: required field is missing", Single("apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata: {}\n").Message);
        Assert.Equal("fleet/prod.yaml[0] metadata: required field is missing", Single("apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\n").Message);
    }

    [Fact]
    public void Namespaces_follow_the_kind()
    {
        Assert.Equal(
            "fleet/prod.yaml[0] metadata.namespace: a Profile is namespaced and needs a namespace",
            Single("apiVersion: config.projectsveltos.io/v1beta1\nkind: Profile\nmetadata: {name: a}\n").Message);
        Assert.Equal(
            "fleet/prod.yaml[0] metadata.namespace: a ClusterProfile is cluster-scoped and cannot have a namespace (use kind Profile for a namespaced profile)",
            Single("apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata: {name: a, namespace: b}\n").Message);
        Assert.Equal(
            "fleet/prod.yaml[0] spec.clusterRefs[0].namespace: a Profile can only select clusters in its own namespace 'team-a', not 'team-b'",
            Single("apiVersion: config.projectsveltos.io/v1beta1\nkind: Profile\nmetadata: {name: a, namespace: team-a}\nspec:\n  clusterRefs: [{kind: SveltosCluster, namespace: team-b, name: c}]\n").Message);
    }

    [Fact]
    public void Duplicate_names_across_files_are_found()
    {
        var a = ProfileImporter.ImportText(Header, "fleet/a.yaml").Single().Profile!;
        var b = ProfileImporter.ImportText("---\n" + Header + "---\n" + Header.Replace("ClusterProfile", "Profile", StringComparison.Ordinal).Replace("name: web", "name: web\n  namespace: t", StringComparison.Ordinal), "fleet/b.yaml");

        var problems = ProfileImporter.FindDuplicateNames([a, .. b.Select(r => r.Profile!)]);

        var problem = Assert.Single(problems);
        Assert.Equal("fleet/b.yaml[0] metadata.name: ClusterProfile 'web' is already defined in fleet/a.yaml[0]", problem.Message);
        Assert.Equal("DuplicateProfileName", problem.ErrorId);
    }

    [Fact]
    public void An_unreadable_file_is_reported()
    {
        var result = Assert.Single(ProfileImporter.ImportFile("/nonexistent/dir/x.yaml", "x.yaml"));

        Assert.Equal(ImportOutcome.Invalid, result.Outcome);
        Assert.Equal("ProfileFileUnreadable", result.Problems[0].ErrorId);
        Assert.StartsWith("x.yaml: cannot read the file: ", result.Problems[0].Message);
    }

    [Fact]
    public void Json_documents_are_accepted()
    {
        var result = Assert.Single(ProfileImporter.ImportText("""
            {"apiVersion": "config.projectsveltos.io/v1beta1", "kind": "ClusterProfile",
             "metadata": {"name": "web"}, "spec": {"tier": 5, "clusterSelector": {"matchLabels": {"env": "prod"}}}}
            """));

        Assert.Equal(ImportOutcome.Profile, result.Outcome);
        Assert.Equal(5, result.Profile!.Spec.Tier);
        Assert.Equal("env=prod", result.Profile.Spec.ClusterSelector!.ToString());
    }

    [Fact]
    public void Parse_throws_with_every_problem()
    {
        var error = Assert.Throws<ProfileValidationException>(() => ClusterProfileDocument.Parse(Header + "spec:\n  tier: 0\n  syncMode: x\n", "web.yaml"));

        Assert.Equal("InvalidProfileField", error.ErrorId);
        Assert.Equal(2, error.Problems.Count);
        Assert.Equal("web.yaml[0] spec.tier: must be at least 1, got 0" + Environment.NewLine + "web.yaml[0] spec.syncMode: 'x' is not one of OneTime, Continuous, ContinuousWithDriftDetection, DryRun", error.Message);
    }
}
