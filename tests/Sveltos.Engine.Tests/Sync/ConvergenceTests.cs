using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Sync;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Sync;

public sealed class ConvergenceTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FleetFolder folder = new(sim);

    public void Dispose()
    {
        sim.Server["c2"].Latency = TimeSpan.Zero;
        folder.Dispose();
    }

    [Fact]
    public async Task A_sync_recreates_a_deleted_object_and_resets_a_declared_field_another_writer_changed()
    {
        Deploy("converge", "c1", 2);
        await folder.SyncAsync();
        using var c1 = sim.Client("c1");
        var configMaps = await c1.ResolveResourceAsync("v1", "ConfigMap", None);
        await c1.DeleteAsync(configMaps, "default", "converge-0", dryRun: false, None);
        await c1.MergePatchAsync(configMaps, "default", "converge-1", new JsonObject { ["data"] = new JsonObject { ["v"] = "hand" } }, "kubectl-edit", None);

        var observer = await folder.SyncAsync();

        var changed = observer.Results.Where(r => r.Action != ObjectAction.Unchanged).OrderBy(r => r.Key.Name, StringComparer.Ordinal).Select(r => (r.Key.Name, r.Action, r.Message));
        Assert.Equal([("converge-0", ObjectAction.Created, "deleted out of band; restored"), ("converge-1", ObjectAction.Updated, "changed out of band; restored")], changed);
        Assert.Equal("1", KubeObject.Text((await c1.GetAsync(configMaps, "default", "converge-1", None))!["data"]!["v"]));
        Assert.Empty((await DriftCheck.CheckAsync(c1, "fleet/c1", p => p.Name == "converge", None)).Drifted);
    }

    [Fact]
    public async Task A_field_another_writer_added_is_not_the_profiles_and_costs_no_write()
    {
        Deploy("added", "c1", 1);
        await folder.SyncAsync();
        using var c1 = sim.Client("c1");
        var configMaps = await c1.ResolveResourceAsync("v1", "ConfigMap", None);
        await c1.MergePatchAsync(configMaps, "default", "added-0", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["owner"] = "someone" } }, ["data"] = new JsonObject { ["extra"] = "x" } }, "kubectl-label", None);
        sim.Server["c1"].ResetCounters();

        var observer = await folder.SyncAsync(new SyncRequest { Profiles = null, Clusters = new HashSet<string> { "fleet/c1" } });

        Assert.All(observer.Results.Where(r => r.Profile.Name == "added"), r => Assert.Equal(ObjectAction.Unchanged, r.Action));
        var counters = sim.Server["c1"].GetCounters();
        Assert.Equal(0, counters["create"] + counters["update"] + counters["patch"] + counters["apply"] + counters["delete"]);
        Assert.Empty((await DriftCheck.CheckAsync(c1, "fleet/c1", p => p.Name == "added", None)).Drifted);
    }

    [Fact]
    public async Task A_drift_hash_recorded_by_an_earlier_version_is_taken_again_by_the_next_sync()
    {
        Deploy("earlier", "c1", 1);
        await folder.SyncAsync();
        using var c1 = sim.Client("c1");
        var record = (await DeploymentRecordStore.ListAsync(c1, None)).Single(r => r.Profile.Name == "earlier");
        await DeploymentRecordStore.SaveAsync(c1, record with { Objects = record.Objects.Select(o => o with { DriftHash = "sha256:from-an-earlier-version" }).ToList() }, None);
        Assert.Single((await DriftCheck.CheckAsync(c1, "fleet/c1", p => p.Name == "earlier", None)).Unchecked);

        var observer = await folder.SyncAsync();

        var result = Assert.Single(observer.Results, r => r.Profile.Name == "earlier");
        Assert.Equal(ObjectAction.Updated, result.Action);
        Assert.StartsWith("re-applied", result.Message, StringComparison.Ordinal);
        var (drifted, notChecked) = await DriftCheck.CheckAsync(c1, "fleet/c1", p => p.Name == "earlier", None);
        Assert.Empty(drifted);
        Assert.Empty(notChecked);
    }

    [Fact]
    public async Task An_interrupted_apply_records_what_it_applied_and_that_it_was_interrupted_and_the_next_sync_completes_it()
    {
        Deploy("cut", "c2", 10);
        sim.Server["c2"].Latency = TimeSpan.FromMilliseconds(100);
        using var stop = new CancellationTokenSource();
        var observer = new RecordingObserver();
        using var c2 = sim.Client("c2");
        var configMaps = await c2.ResolveResourceAsync("v1", "ConfigMap", None);
        using (var fleet = folder.Open())
        using (var plan = await FleetSync.PlanAsync(fleet, new SyncRequest(), observer, None))
        {
            var applying = plan.ApplyAsync((_, _) => true, observer, stop.Token);
            while ((await c2.ListAsync(configMaps, "default", Tracking.ReasonLabel, None)).Items.Count(i => KubeObject.Name(i).StartsWith("cut-", StringComparison.Ordinal)) < 2)
            {
                Assert.False(applying.IsCompleted, "the apply finished before it could be interrupted");
            }

            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => applying);
        }

        sim.Server["c2"].Latency = TimeSpan.Zero;
        var record = (await DeploymentRecordStore.ListAsync(c2, None)).Single(r => r.Profile.Name == "cut");
        var live = (await c2.ListAsync(configMaps, "default", Tracking.ReasonLabel, None)).Items.Select(KubeObject.Name).Where(n => n.StartsWith("cut-", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(DeploymentStatus.Applying, record.Status);
        Assert.Matches(@"^interrupted after \d+ of 10 change\(s\); the next sync completes it$", record.Message);
        Assert.InRange(live.Count, 2, 9);
        Assert.Subset(record.Objects.Select(o => o.Name).ToHashSet(), live);
        Assert.True(record.Objects.Count(o => !live.Contains(o.Name)) <= 1, "only the write in flight may be listed without existing");

        await folder.SyncAsync();
        var done = (await DeploymentRecordStore.ListAsync(c2, None)).Single(r => r.Profile.Name == "cut");
        Assert.Equal((DeploymentStatus.Provisioned, 10), (done.Status, done.Objects.Count));
        var (drifted, notChecked) = await DriftCheck.CheckAsync(c2, "fleet/c2", p => p.Name == "cut", None);
        Assert.Empty(drifted);
        Assert.Empty(notChecked);
    }

    private void Deploy(string name, string cluster, int objects)
    {
        folder.Cluster(cluster, $"{{sync: {name}}}");
        var manifests = string.Join("\n---\n", Enumerable.Range(0, objects).Select(i => $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}-{i}, namespace: default}}\ndata: {{v: '1'}}"));
        folder.Content(name, manifests);
        folder.Profile(name, $"{{sync: {name}}}", $"[{{kind: ConfigMap, name: {name}}}]");
    }
}
