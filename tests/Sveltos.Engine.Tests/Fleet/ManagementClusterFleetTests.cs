using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Fleet;

public sealed class ManagementClusterFleetTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_registered_cluster_lists_back_with_labels_and_connects_through_its_kubeconfig_secret()
    {
        using var fleet = sim.ManagementFleet();
        await SveltosCrds.EnsureAsync(fleet.Management, [SveltosCrds.SveltosCluster], None);

        await fleet.RegisterClusterAsync(new ClusterRegistration("team-a", "c1", new Dictionary<string, string> { ["env"] = "prod" }, sim.Connection("c1"), true, "v1.32.0"), None);

        var cluster = Assert.Single(await fleet.GetClustersAsync(None), c => c.Name == "c1");
        Assert.Equal(("team-a", ClusterType.SveltosCluster, true), (cluster.Namespace, cluster.Type, cluster.Eligible));
        Assert.Equal("prod", cluster.Labels["env"]);
        Assert.Equal("Secret team-a/c1-sveltos-kubeconfig key 'kubeconfig'", cluster.Connection.Describe());
        var health = await ClusterProbe.ProbeAsync(cluster.Connection, None);
        Assert.Equal(ConnectionStatus.Healthy, health.Status);
        Assert.Equal(sim.Server["c1"].Version, health.KubernetesVersion);
    }

    [Fact]
    public async Task Labels_are_replaced_and_unregistering_removes_the_cluster_and_its_secret()
    {
        using var fleet = sim.ManagementFleet();
        await SveltosCrds.EnsureAsync(fleet.Management, [SveltosCrds.SveltosCluster], None);
        var registered = await fleet.RegisterClusterAsync(new ClusterRegistration("team-b", "c2", new Dictionary<string, string> { ["env"] = "dev", ["zone"] = "a" }, sim.Connection("c2"), true, null), None);

        var relabelled = await fleet.SetClusterLabelsAsync(registered, new Dictionary<string, string> { ["env"] = "prod" }, None);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, relabelled.Labels);

        await fleet.UnregisterClusterAsync(relabelled, None);
        Assert.DoesNotContain(await fleet.GetClustersAsync(None), c => c.Namespace == "team-b");
        Assert.Null(await fleet.GetObjectAsync("v1", "Secret", "team-b", "c2-sveltos-kubeconfig", None));
    }

    [Fact]
    public async Task Cluster_API_clusters_are_listed_with_their_readiness_and_kubeconfig_secret()
    {
        using var fleet = sim.ManagementFleet();
        var mgmt = fleet.Management;
        var capiCrd = new CrdDefinition("cluster.x-k8s.io", "Cluster", "clusters", Namespaced: true, []);
        await SveltosCrds.EnsureAsync(mgmt, [capiCrd], None);
        var namespaces = await mgmt.ResolveResourceAsync("v1", "Namespace", None);
        await mgmt.ApplyAsync(namespaces, JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"capi"}}""")!.AsObject(), "test", false, false, None);
        var clusters = await mgmt.ResolveResourceAsync("cluster.x-k8s.io/v1beta1", "Cluster", None);
        await mgmt.ApplyAsync(clusters, JsonNode.Parse("""{"apiVersion":"cluster.x-k8s.io/v1beta1","kind":"Cluster","metadata":{"name":"c3","namespace":"capi","labels":{"env":"prod"}},"spec":{"paused":true}}""")!.AsObject(), "test", false, false, None);

        var cluster = Assert.Single(await fleet.GetClustersAsync(None), c => c.Type == ClusterType.Capi);
        Assert.Equal(("capi", "c3", false, true), (cluster.Namespace, cluster.Name, cluster.Ready, cluster.Paused));
        Assert.Equal("Secret capi/c3-kubeconfig key 'value'", cluster.Connection.Describe());

        var error = await Assert.ThrowsAsync<SveltosException>(() => cluster.Connection.ResolveAsync(None));
        Assert.Equal("KubeconfigSecretNotFound", error.ErrorId);
        Assert.Contains("capi/c3-kubeconfig", error.Message);
    }
}
