using System.Collections;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Tests.Profiles;

public class ProfileBuilderTests
{
    // PowerShell hashtables are case-insensitive and arrive as non-generic dictionaries.
    private static Hashtable Table(params (string Key, object? Value)[] entries)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in entries)
        {
            table[key] = value;
        }

        return table;
    }

    private static Hashtable Chart(params (string Key, object? Value)[] extra) => Table(
        [("RepositoryUrl", "https://kyverno.github.io/kyverno/"), ("repositoryname", "kyverno"), ("chartName", "kyverno/kyverno"),
         ("chartVersion", "v3.3.3"), ("releaseName", "kyverno-latest"), ("releaseNamespace", "kyverno"), .. extra]);

    [Fact]
    public void Builds_a_complete_cluster_profile_in_api_form()
    {
        var profile = ProfileBuilder.Build(new ProfileBuildRequest
        {
            Name = "kyverno",
            ClusterSelector = "env=prod,tier in (web,api)",
            ClusterRefs = ["mgmt/edge-1", "Cluster:capi/workload-2"],
            HelmCharts = [Chart(("helmchartaction", "install"), ("values", Table(("replicaCount", 2))))],
            PolicyRefs = [Table(("Kind", "configmap"), ("Name", "nginx"), ("Namespace", "default"), ("DeploymentType", "local"))],
            KustomizationRefs = [Table(("kind", "GitRepository"), ("name", "flux-system"), ("namespace", "flux-system"), ("path", "./app"))],
            TemplateResourceRefs = [Table(("identifier", "Creds"), ("Resource", Table(("Kind", "Secret"), ("Name", "creds"), ("apiversion", "v1"))))],
            SyncMode = "continuouswithdriftdetection",
            Tier = 50,
            ContinueOnConflict = true,
            ContinueOnError = true,
            StopMatchingBehavior = "leavepolicies",
            DependsOn = ["cni"],
            MaxUpdate = "30%",
            Labels = new Dictionary<string, object?> { ["team"] = "platform", ["generation"] = 2 },
        });

        Assert.Equal("""
            apiVersion: config.projectsveltos.io/v1beta1
            kind: ClusterProfile
            metadata:
              name: kyverno
              labels:
                team: platform
                generation: '2'
            spec:
              clusterSelector:
                matchLabels:
                  env: prod
                matchExpressions:
                  - key: tier
                    operator: In
                    values:
                      - api
                      - web
              clusterRefs:
                - apiVersion: lib.projectsveltos.io/v1beta1
                  kind: SveltosCluster
                  namespace: mgmt
                  name: edge-1
                - apiVersion: cluster.x-k8s.io/v1beta1
                  kind: Cluster
                  namespace: capi
                  name: workload-2
              syncMode: ContinuousWithDriftDetection
              tier: 50
              continueOnConflict: true
              continueOnError: true
              maxUpdate: 30%
              stopMatchingBehavior: LeavePolicies
              templateResourceRefs:
                - resource:
                    apiVersion: v1
                    kind: Secret
                    name: creds
                  identifier: Creds
              dependsOn:
                - cni
              policyRefs:
                - namespace: default
                  name: nginx
                  kind: ConfigMap
                  deploymentType: Local
              helmCharts:
                - repositoryURL: https://kyverno.github.io/kyverno/
                  repositoryName: kyverno
                  chartName: kyverno/kyverno
                  chartVersion: v3.3.3
                  releaseName: kyverno-latest
                  releaseNamespace: kyverno
                  values: |
                    replicaCount: 2
                  helmChartAction: Install
              kustomizationRefs:
                - namespace: flux-system
                  name: flux-system
                  kind: GitRepository
                  path: ./app

            """.Replace("\r\n", "\n", StringComparison.Ordinal), profile.ToYaml());
        Assert.Equal("ClusterProfile/kyverno", profile.Source);
        Assert.Null(profile.DocumentIndex);
        Assert.Empty(ProfileImporter.ImportText(profile.ToYaml()).Single().Problems);
    }

    [Fact]
    public void Builds_a_namespaced_profile_from_match_labels()
    {
        var profile = ProfileBuilder.Build(new ProfileBuildRequest
        {
            Name = "team-addons",
            Kind = "profile",
            Namespace = "team-a",
            ClusterSelector = Table(("env", "dev")),
            MaxUpdate = 2,
            MaxConsecutiveFailures = 3,
        });

        Assert.Equal((ProfileKind.Profile, "team-a"), (profile.Kind, profile.Namespace));
        Assert.Equal("env=dev", profile.Spec.ClusterSelector!.ToString());
        Assert.Equal(MaxUpdate.Count(2), profile.Spec.MaxUpdate);
        Assert.Equal(3u, profile.Spec.MaxConsecutiveFailures);
        Assert.Equal("Profile/team-a/team-addons", profile.Identity);
    }

    [Fact]
    public void Accepts_a_selector_object_and_a_match_expressions_mapping()
    {
        var fromObject = ProfileBuilder.Build(new ProfileBuildRequest { Name = "a", ClusterSelector = LabelSelector.Parse("!legacy") });
        var fromMapping = ProfileBuilder.Build(new ProfileBuildRequest
        {
            Name = "b",
            ClusterSelector = Table(("MatchExpressions", new object[] { Table(("key", "legacy"), ("operator", "doesnotexist")) })),
        });

        Assert.Equal(fromObject.Spec.ClusterSelector, fromMapping.Spec.ClusterSelector);
    }

    [Fact]
    public void Unknown_keys_are_reported_by_name_with_the_field_meant()
    {
        var error = Assert.Throws<ProfileValidationException>(() => ProfileBuilder.Build(new ProfileBuildRequest
        {
            Name = "web",
            HelmCharts = [Chart(("chartname2", "x"))],
            PolicyRefs = [Table(("kind", "ConfigMap"), ("name", "a"), ("nmespace", "b"))],
        }));

        Assert.Equal(
            [
                "ClusterProfile/web spec.policyRefs[0].nmespace: unknown field 'nmespace'; did you mean 'namespace'? (valid fields: namespace, name, kind, path, remoteURL, deploymentType, optional)",
                "ClusterProfile/web spec.helmCharts[0].chartname2: unknown field 'chartname2'; did you mean 'chartName'? (valid fields: repositoryURL, repositoryName, chartName, chartVersion, releaseName, releaseNamespace, values, valuesFrom, helmChartAction, options, registryCredentialsConfig)",
            ],
            error.Problems.Select(p => p.Message));
        Assert.Equal("UnknownProfileField", error.ErrorId);
    }

    [Fact]
    public void Validates_like_import_and_collects_every_problem()
    {
        var ok = ProfileBuilder.TryBuild(
            new ProfileBuildRequest
            {
                Name = "Web",
                ClusterSelector = "env in (prod",
                SyncMode = "Sometimes",
                Tier = 0,
                MaxUpdate = "150%",
                HelmCharts = [Table(("chartName", "x"))],
            },
            out var profile,
            out var problems);

        Assert.False(ok);
        Assert.Null(profile);
        Assert.Equal(
            [
                "ClusterProfile/Web spec.clusterSelector: invalid label selector 'env in (prod': missing ')' at position 13",
                "ClusterProfile/Web metadata.name: 'Web' must be a lowercase DNS subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit",
                "ClusterProfile/Web spec.syncMode: 'Sometimes' is not one of OneTime, Continuous, ContinuousWithDriftDetection, DryRun",
                "ClusterProfile/Web spec.tier: must be at least 1, got 0",
                "ClusterProfile/Web spec.maxUpdate: '150%' is not a count or a percentage such as 5 or 30%",
                "ClusterProfile/Web spec.helmCharts[0].repositoryURL: required field is missing",
                "ClusterProfile/Web spec.helmCharts[0].releaseName: required field is missing",
                "ClusterProfile/Web spec.helmCharts[0].releaseNamespace: required field is missing",
            ],
            problems.Select(p => p.Message));
        Assert.Equal(["InvalidSelector", "InvalidProfileField", "InvalidProfileField", "InvalidProfileField", "InvalidProfileField", "MissingProfileField", "MissingProfileField", "MissingProfileField"], problems.Select(p => p.ErrorId));
    }

    [Fact]
    public void Kind_and_namespace_are_checked()
    {
        var badKind = Assert.Throws<ProfileValidationException>(() => ProfileBuilder.Build(new ProfileBuildRequest { Name = "a", Kind = "Policy" }));
        var noNamespace = Assert.Throws<ProfileValidationException>(() => ProfileBuilder.Build(new ProfileBuildRequest { Name = "a", Kind = "Profile" }));

        Assert.Equal("ClusterProfile/a kind: 'Policy' is not one of ClusterProfile, Profile", badKind.Message);
        Assert.Equal("Profile//a metadata.namespace: a Profile is namespaced and needs a namespace", noNamespace.Message);
    }

    [Fact]
    public void An_empty_selector_is_refused_because_it_matches_nothing()
    {
        var error = Assert.Throws<ProfileValidationException>(() => ProfileBuilder.Build(new ProfileBuildRequest { Name = "a", ClusterSelector = " " }));

        Assert.Equal("ClusterProfile/a spec.clusterSelector: an empty selector matches no cluster in Sveltos; give at least one requirement, or use clusterRefs", error.Message);
    }

    [Fact]
    public void Unsupported_value_types_are_reported()
    {
        var error = Assert.Throws<ProfileValidationException>(() => ProfileBuilder.Build(new ProfileBuildRequest { Name = "a", PolicyRefs = [new Uri("http://x")] }));

        Assert.Equal("ClusterProfile/a spec.policyRefs[0]: a value of type Uri cannot be written to a profile", error.Problems[0].Message);
    }

    [Fact]
    public void A_built_profile_exports_to_json_for_the_api()
    {
        var json = ProfileBuilder.Build(new ProfileBuildRequest { Name = "a", ClusterSelector = "env=prod", Tier = 5 }).ToJson();

        Assert.Equal("""{"apiVersion":"config.projectsveltos.io/v1beta1","kind":"ClusterProfile","metadata":{"name":"a"},"spec":{"clusterSelector":{"matchLabels":{"env":"prod"}},"tier":5}}""", json);
    }
}
