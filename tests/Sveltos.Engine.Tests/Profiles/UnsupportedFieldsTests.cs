using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Tests.Profiles;

public class UnsupportedFieldsTests
{
    private const string Header = "apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata: {name: web}\n";

    private const string Unsupported = """
        apiVersion: config.projectsveltos.io/v1beta1
        kind: ClusterProfile
        metadata:
          name: web
        spec:
          setRefs: [prod-set]
          reloader: true
          templateResourceRefs:
            - identifier: Creds
              resource: {kind: Secret, name: creds}
              ignoreStatusChanges: true
          policyRefs:
            - {kind: ConfigMap, name: web}
            - {kind: GitRepository, namespace: flux-system, name: repo, path: ./web}
          helmCharts:
            - {repositoryURL: 'gitrepository://flux-system/repo/charts', repositoryName: r, chartName: c, chartVersion: v, releaseName: a, releaseNamespace: b, options: {wait: false, dependencyUpdate: true}}
            - {repositoryURL: oci://registry.example.com/charts, repositoryName: r, chartName: d, chartVersion: v, releaseName: d, releaseNamespace: b, options: {upgradeOptions: {recreate: true}}}
          kustomizationRefs:
            - {kind: GitRepository, name: repo}
          validateHealths:
            - {name: up, featureID: Resources, kind: Deployment}
          preDeployChecks:
            - {name: sc, featureID: Resources, kind: StorageClass}
          preDeleteChecks:
            - {name: pods, featureID: Resources, kind: Pod}
          postDeleteChecks:
            - {name: pvcs, featureID: Resources, kind: PersistentVolumeClaim}
          patches:
            - patch: "- op: add"
          patchesFrom:
            - {kind: ConfigMap, name: patches}
          maxConsecutiveFailures: 3
        """;

    // Every field the module honours, set to a value other than its default.
    private const string Honoured = """
        apiVersion: config.projectsveltos.io/v1beta1
        kind: ClusterProfile
        metadata:
          name: web
          labels: {team: platform}
          annotations: {example.com/owner: platform}
        spec:
          clusterSelector:
            matchLabels: {env: prod}
            matchExpressions: [{key: tier, operator: In, values: [a]}]
          clusterRefs:
            - {apiVersion: lib.projectsveltos.io/v1beta1, kind: SveltosCluster, namespace: fleet, name: edge}
          syncMode: ContinuousWithDriftDetection
          tier: 50
          continueOnConflict: true
          continueOnError: true
          maxUpdate: 30%
          stopMatchingBehavior: LeavePolicies
          reloader: false
          templateResourceRefs:
            - identifier: Creds
              resource: {apiVersion: v1, kind: Secret, namespace: "{{ .Cluster.metadata.namespace }}", name: creds}
              optional: true
              ignoreStatusChanges: false
          dependsOn: [cni]
          policyRefs:
            - {kind: ConfigMap, namespace: fleet, name: "{{ .Cluster.metadata.name }}-web", deploymentType: Local, optional: true}
            - {kind: Secret, name: secrets, path: ignored-for-config-maps}
          driftExclusions:
            - paths: [/spec/replicas]
              target: {group: apps, version: v1, kind: Deployment, namespace: web, name: web, labelSelector: app=web, annotationSelector: a=b}
          extraLabels: {managed-by: sveltos}
          extraAnnotations: {example.com/by: sveltos}
        """;

    [Fact]
    public void Each_field_the_module_does_not_act_on_is_reported_at_its_line()
    {
        var profile = ClusterProfileDocument.Parse(Unsupported, "fleet/web.yaml");

        var problems = UnsupportedFields.Find(profile);

        Assert.Equal(
            [
                ("spec.setRefs[0]", 6, 13),
                ("spec.reloader", 7, 13),
                ("spec.templateResourceRefs[0].ignoreStatusChanges", 11, 28),
                ("spec.helmCharts[1].options.upgradeOptions.recreate", 17, 182),
                ("spec.validateHealths[0]", 21, 7),
                ("spec.preDeployChecks[0]", 23, 7),
                ("spec.preDeleteChecks[0]", 25, 7),
                ("spec.postDeleteChecks[0]", 27, 7),
                ("spec.patches[0]", 29, 7),
                ("spec.patchesFrom[0]", 31, 7),
                ("spec.maxConsecutiveFailures", 32, 27),
            ],
            problems.Select(p => (p.FieldPath, p.Line!.Value, p.Column!.Value)));
        Assert.All(problems, p => Assert.Equal((UnsupportedFields.ErrorId, "fleet/web.yaml", 0), (p.ErrorId, p.Source, p.DocumentIndex!.Value)));
    }

    [Fact]
    public void The_message_says_what_is_not_supported_that_nothing_is_deployed_and_what_to_do()
    {
        var problem = UnsupportedFields.Find(ClusterProfileDocument.Parse(Unsupported, "fleet/web.yaml")).Single(p => p.FieldPath == "spec.helmCharts[1].options.upgradeOptions.recreate");

        Assert.Equal(
            "fleet/web.yaml[0] spec.helmCharts[1].options.upgradeOptions.recreate: Recreating pods on upgrade (upgradeOptions.recreate) is not supported by this version of the module, so a sync deploys nothing of "
            + "ClusterProfile/web to a cluster it matches and withdraws nothing of it there. Remove spec.helmCharts[1].options.upgradeOptions.recreate from the profile, or wait for a version of the module that supports it.",
            problem.Message);
    }

    [Fact]
    public void Flux_sources_and_remote_urls_are_content_the_module_deploys()
    {
        var profile = ClusterProfileDocument.Parse(Header + """
            spec:
              policyRefs:
                - {kind: GitRepository, namespace: flux-system, name: repo, path: ./web}
                - {kind: OCIRepository, namespace: flux-system, name: oci}
                - remoteURL: {url: https://example.com/app.yaml, interval: 1h}
              kustomizationRefs:
                - {kind: Bucket, namespace: flux-system, name: b, components: [../tls], valuesFrom: [{kind: ConfigMap, name: v}]}
                - remoteURL: {url: oci://registry.example.com/kz:v1}
              helmCharts:
                - {repositoryURL: gitrepository://flux-system/repo/charts/app, releaseName: a, releaseNamespace: b}
            """);

        Assert.Empty(UnsupportedFields.Find(profile));
    }

    [Fact]
    public void A_chart_from_another_scheme_is_named_by_its_scheme()
    {
        var profile = ClusterProfileDocument.Parse(Header + "spec:\n  helmCharts: [{repositoryURL: 's3://bucket/charts', releaseName: a, releaseNamespace: b}]\n");

        Assert.StartsWith("A chart from a s3:// source is not supported", Assert.Single(UnsupportedFields.Find(profile)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_the_module_honours_are_not_reported()
    {
        var profile = ClusterProfileDocument.Parse(Honoured);

        Assert.Empty(profile.Validate());
        Assert.Empty(UnsupportedFields.Find(profile));
    }

    [Fact]
    public void A_profile_without_a_spec_has_nothing_unsupported()
    {
        Assert.Empty(UnsupportedFields.Find(ClusterProfileDocument.Parse("apiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata: {name: a}\n")));
    }

    [Fact]
    public void A_later_document_of_a_file_is_located_by_its_index_and_its_own_lines()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: config.projectsveltos.io/v1beta1\nkind: ClusterProfile\nmetadata: {name: b}\nspec:\n  reloader: true\n";
        var profile = ProfileImporter.ImportText(text, "fleet/all.yaml")[1].Profile!;

        var problem = Assert.Single(UnsupportedFields.Find(profile));

        Assert.Equal((1, 9, "fleet/all.yaml[1] spec.reloader"), (problem.DocumentIndex!.Value, problem.Line!.Value, problem.Message[..problem.Message.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_built_or_copied_profile_gives_no_line()
    {
        var built = ProfileBuilder.Build(new ProfileBuildRequest { Name = "web", Reloader = true, SetRefs = ["prod"] });
        var copied = ClusterProfileDocument.Parse(Unsupported, "fleet/web.yaml", 0, 1);

        Assert.Equal(["spec.setRefs[0]", "spec.reloader"], UnsupportedFields.Find(built).Select(p => p.FieldPath));
        Assert.All(UnsupportedFields.Find(built), p => Assert.Equal(("ClusterProfile/web", null, null, null), (p.Source, p.DocumentIndex, p.Line, p.Column)));
        Assert.All(UnsupportedFields.Find(copied), p => Assert.Null(p.Line));
        Assert.Equal(11, UnsupportedFields.Find(copied).Count);
    }
}
