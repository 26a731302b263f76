using Sveltos.Engine.Kube;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Kube;

/// <summary>
/// Kinds resolve on every server generation: the always-served core kinds without a request, the rest from the
/// two aggregated documents from 1.26 (v2beta1) and 1.30 (v2), or one request per group-version before (after one
/// attempt at the aggregated form); CRDs created after the first lookup are found.
/// </summary>
public sealed class ApiDiscoveryTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>
{
    private static readonly (string ApiVersion, string Kind, string Plural, bool Namespaced)[] Kinds =
    [
        ("v1", "ConfigMap", "configmaps", true),
        ("v1", "Namespace", "namespaces", false),
        ("v1", "LimitRange", "limitranges", true),
        ("apps/v1", "Deployment", "deployments", true),
        ("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false),
        ("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
        ("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true),
    ];

    [Theory]
    [InlineData("v1.32.0", 2)]
    [InlineData("v1.28.3-eks-4f4795d", 2)]
    [InlineData("v1.25.9", 1 + 5)]
    public async Task Resolves_kinds_of_many_groups_with_as_few_requests_as_the_server_allows(string version, long discoveryRequests)
    {
        var cluster = sim.Server["c3"];
        cluster.SetVersion(version);
        try
        {
            using var client = sim.Client("c3");
            cluster.ResetCounters();
            foreach (var (apiVersion, kind, plural, namespaced) in Kinds)
            {
                var resource = await client.FindResourceAsync(apiVersion, kind, CancellationToken.None);
                Assert.NotNull(resource);
                Assert.Equal((apiVersion, plural, namespaced), (resource.ApiVersion, resource.Plural, resource.Namespaced));
            }

            Assert.Equal(discoveryRequests, cluster.GetCounters()["discovery"]);
        }
        finally
        {
            cluster.SetVersion("v1.32.0");
        }
    }

    [Theory]
    [InlineData("v1.32.0")]
    [InlineData("v1.25.9")]
    public async Task A_kind_served_after_the_first_lookup_is_found_and_an_unknown_one_is_null(string version)
    {
        var cluster = sim.Server["c3"];
        cluster.SetVersion(version);
        var plural = "widgets" + version.Replace(".", "", StringComparison.Ordinal).TrimStart('v');
        try
        {
            using var client = sim.Client("c3");
            Assert.NotNull(await client.FindResourceAsync("v1", "ConfigMap", CancellationToken.None));
            Assert.Null(await client.FindResourceAsync("example.org/v1", "Widget" + plural, CancellationToken.None));

            var crds = await client.FindResourceAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition", CancellationToken.None);
            await client.ApplyAsync(crds!, Crd(plural), "test", force: true, dryRun: false, CancellationToken.None);

            var widget = await client.FindResourceAsync("example.org/v1", "Widget" + plural, CancellationToken.None);
            Assert.Equal(plural, widget?.Plural);
        }
        finally
        {
            cluster.SetVersion("v1.32.0");
        }
    }

    private static System.Text.Json.Nodes.JsonObject Crd(string plural) => (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"PLURAL.example.org"},
         "spec":{"group":"example.org","scope":"Namespaced","names":{"kind":"WidgetPLURAL","plural":"PLURAL","singular":"wPLURAL","listKind":"WidgetPLURALList"},
         "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
        """.Replace("PLURAL", plural, StringComparison.Ordinal))!;
}
