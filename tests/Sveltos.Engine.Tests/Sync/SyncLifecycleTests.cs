using Sveltos.Engine.Deploy;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Sync;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Sync;

public sealed class SyncLifecycleTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>, IDisposable
{
    // The web add-on every suite and the demo deploy (tests/Content/web-addon.yaml): a Namespace, a Deployment and a ConfigMap.
    private static readonly string WebContent = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "web-addon.yaml"));

    private readonly FleetFolder folder = new(sim);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Add_ons_follow_cluster_labels_deploy_then_noop_then_withdraw()
    {
        folder.Cluster("c1", "{env: prod}");
        folder.Cluster("c2", "{env: prod}");
        folder.Cluster("c3", "{env: dev}");
        folder.Content("web", WebContent);
        folder.Profile("web", "{env: prod}", "[{kind: ConfigMap, name: web}]");

        var first = await folder.SyncAsync();
        Assert.Empty(first.ClusterErrors);
        Assert.Empty(first.PairErrors);
        Assert.Equal(3, first.For("c1").Count(r => r.Action == ObjectAction.Created));
        Assert.Equal(3, first.For("c2").Count(r => r.Action == ObjectAction.Created));
        Assert.Empty(first.For("c3"));

        using var c1 = sim.Client("c1");
        var deployment = await GetAsync(c1, "apps/v1", "Deployment", "web", "frontend");
        Assert.NotNull(deployment);
        var annotations = KubeObject.Annotations(deployment!);
        Assert.Equal("ClusterProfile", annotations[Tracking.OwnerKind]);
        Assert.Equal("web", annotations[Tracking.OwnerName]);
        Assert.Equal("ConfigMap", annotations[Tracking.ReferenceKind]);
        Assert.Equal("fleet", annotations[Tracking.ReferenceNamespace]);
        Assert.StartsWith("sha256:", annotations[Tracking.Hash], StringComparison.Ordinal);
        Assert.Equal("Resources", KubeObject.Labels(deployment!)[Tracking.ReasonLabel]);
        var record = Assert.Single(await DeploymentRecordStore.ListAsync(c1, CancellationToken.None), r => r.Profile.Name == "web");
        Assert.Equal((DeploymentStatus.Provisioned, 3), (record.Status, record.Objects.Count));

        sim.Server["c1"].ResetCounters();
        var again = await folder.SyncAsync();
        Assert.All(again.Results, r => Assert.Equal(ObjectAction.Unchanged, r.Action));
        var counters = sim.Server["c1"].GetCounters();
        Assert.Equal(0, counters.Where(kv => kv.Key is "create" or "update" or "patch" or "apply" or "delete").Sum(kv => kv.Value));
        // Its records, then one LIST per kind deployed (Namespace, Deployment, ConfigMap) to see that nothing drifted;
        // apps/v1 takes the one discovery request of the aggregated document.
        Assert.True(
            counters["list"] == 4 && counters["discovery"] <= 1 && counters.Where(kv => kv.Key is not ("total" or "list" or "discovery")).Sum(kv => kv.Value) == 0,
            $"a no-op sync should list its records and each deployed kind once, and write nothing; it sent {string.Join(", ", counters)}");

        folder.Cluster("c3", "{env: prod}");
        var third = await folder.SyncAsync();
        Assert.Equal(3, third.For("c3").Count(r => r.Action == ObjectAction.Created));

        folder.Cluster("c2", "{env: staging}");
        var fourth = await folder.SyncAsync();
        Assert.Equal(3, fourth.For("c2").Count(r => r.Action == ObjectAction.Deleted));
        using var c2 = sim.Client("c2");
        Assert.Null(await GetAsync(c2, "v1", "ConfigMap", "web", "settings"));
        Assert.DoesNotContain(await DeploymentRecordStore.ListAsync(c2, CancellationToken.None), r => r.Profile.Name == "web");
        Assert.NotNull(await GetAsync(c1, "v1", "ConfigMap", "web", "settings"));
    }

    [Fact]
    public async Task A_first_deployment_into_a_new_namespace_reads_no_object_one_by_one()
    {
        folder.Cluster("c1", "{env: fresh}");
        folder.Content("fresh", WebContent.Replace("name: web", "name: fresh-web", StringComparison.Ordinal).Replace("namespace: web", "namespace: fresh-web", StringComparison.Ordinal));
        folder.Profile("fresh", "{env: fresh}", "[{kind: ConfigMap, name: fresh}]");
        sim.Server["c1"].ResetCounters();

        var observer = await folder.SyncAsync(new SyncRequest { Profiles = null });

        Assert.Equal(3, observer.For("c1").Count(r => r.Action == ObjectAction.Created));
        // One read of the Namespace, which answers both "is it live?" and "can anything exist in it?": none per object inside it.
        Assert.Equal(1, sim.Server["c1"].GetCounters()["get"]);
    }

    private static async Task<System.Text.Json.Nodes.JsonObject?> GetAsync(KubeClient client, string apiVersion, string kind, string ns, string name)
    {
        var resource = await client.ResolveResourceAsync(apiVersion, kind, CancellationToken.None);
        return await client.GetAsync(resource, ns, name, CancellationToken.None);
    }
}
