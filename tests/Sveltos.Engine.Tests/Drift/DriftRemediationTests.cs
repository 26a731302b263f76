using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Sync;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Drift;

public sealed class DriftRemediationTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>, IDisposable
{
    private readonly FleetFolder folder = new(sim);

    public void Dispose()
    {
        sim.Server["c1"].WatchHistorySize = 10000;
        folder.Dispose();
    }

    [Fact]
    public async Task The_record_holds_the_drift_hash_of_the_object_as_applied()
    {
        Deploy("recorded", "a: '1'");
        await folder.SyncAsync();
        using var c1 = sim.Client("c1");
        var record = (await DeploymentRecordStore.ListAsync(c1, CancellationToken.None)).Single(r => r.Profile.Name == "recorded");
        var recorded = Assert.Single(record.Objects);
        Assert.Equal(DriftHasher.Hash((await GetAsync(c1, "recorded"))!, record.DriftExclusions), recorded.DriftHash);
    }

    [Fact]
    public async Task A_remediation_restores_the_objects_it_is_given_and_a_sync_restores_every_drifted_one()
    {
        Deploy("heal", "a: '1'", "other");
        await folder.SyncAsync();
        using var c1 = sim.Client("c1");
        await PatchAsync(c1, "heal", "changed");
        await PatchAsync(c1, "heal-other", "changed");

        var healed = await new FleetDriftRemediator(folder.Open).RemediateAsync("fleet/c1", new ProfileRef("ClusterProfile", "", "heal"), new HashSet<ObjectKey> { Key("heal") }, CancellationToken.None);

        var result = Assert.Single(healed);
        Assert.Equal((ObjectAction.Updated, "heal"), (result.Action, result.Key.Name));
        Assert.Equal("1", KubeObject.Text((await GetAsync(c1, "heal"))!["data"]!["a"]));
        Assert.Equal("changed", KubeObject.Text((await GetAsync(c1, "heal-other"))!["data"]!["a"]));
        var (drifted, _) = await DriftCheck.CheckAsync(c1, "fleet/c1", p => p.Name == "heal", CancellationToken.None);
        Assert.Equal("heal-other", Assert.Single(drifted).Key.Name);

        var synced = await folder.SyncAsync(new SyncRequest { Clusters = new HashSet<string> { "fleet/c1" } });
        Assert.Equal("changed out of band; restored", Assert.Single(synced.Results, r => r.Action == ObjectAction.Updated).Message);
        Assert.Equal("1", KubeObject.Text((await GetAsync(c1, "heal-other"))!["data"]!["a"]));
        Assert.Empty((await DriftCheck.CheckAsync(c1, "fleet/c1", p => p.Name == "heal", CancellationToken.None)).Drifted);
    }

    [Fact]
    public async Task A_remediation_of_an_object_changed_back_meanwhile_reports_nothing_to_do()
    {
        Deploy("back", "a: '1'");
        await folder.SyncAsync();

        var results = await new FleetDriftRemediator(folder.Open).RemediateAsync("fleet/c1", new ProfileRef("ClusterProfile", "", "back"), new HashSet<ObjectKey> { Key("back") }, CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(ObjectAction.Unchanged, result.Action);
        Assert.Contains("nothing to remediate", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reapply_respects_a_lower_tier_that_took_the_object_over()
    {
        Deploy("owner", "a: '1'");
        await folder.SyncAsync();
        folder.Content("taker", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: owner, namespace: default}\ndata: {a: taken}");
        folder.Profile("taker", "{env: prod}", "[{kind: ConfigMap, name: taker}]", "  tier: 50");
        await folder.SyncAsync();

        var observer = new RecordingDriftObserver();
        var results = await new FleetDriftRemediator(folder.Open).RemediateAsync("fleet/c1", new ProfileRef("ClusterProfile", "", "owner"), new HashSet<ObjectKey> { Key("owner") }, CancellationToken.None);

        Assert.Equal(ObjectAction.Conflict, Assert.Single(results).Action);
        using var c1 = sim.Client("c1");
        Assert.Equal("taken", KubeObject.Text((await GetAsync(c1, "owner"))!["data"]!["a"]));
        Assert.Empty(observer.Drifts);
    }

    [Fact]
    public async Task The_watcher_remediates_a_deleted_object_among_unrelated_writes_and_never_reports_its_own_writes()
    {
        Deploy("watched", "a: '1'");
        await folder.SyncAsync();
        using var fleet = folder.Open();
        var clusters = (await fleet.GetClustersAsync(CancellationToken.None)).Where(c => c.Name == "c1").ToList();
        var observer = new RecordingDriftObserver();
        using var stop = new CancellationTokenSource();
        var watching = new DriftWatcher(clusters, observer, new FleetDriftRemediator(folder.Open), new DriftWatchOptions { Profiles = p => p.Name == "watched" }).RunAsync(stop.Token);
        await Task.Delay(1000);

        // Unrelated tracked-label writes with a short watch history: only the deletion is drift.
        using var c1 = sim.Client("c1");
        sim.Server["c1"].WatchHistorySize = 3;
        var configMaps = await c1.ResolveResourceAsync("v1", "ConfigMap", CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await c1.ApplyAsync(configMaps, Noise(i), "test", force: true, dryRun: false, CancellationToken.None);
        }

        await c1.DeleteAsync(configMaps, "default", "watched", dryRun: false, CancellationToken.None);
        await WaitAsync(() => observer.Remediations.Count >= 1);
        Assert.Equal("1", KubeObject.Text((await GetAsync(c1, "watched"))!["data"]!["a"]));
        await Task.Delay(1500);
        await stop.CancelAsync();
        await watching;

        var drift = Assert.Single(observer.Drifts);
        Assert.Equal(DriftChange.Deleted, drift.Change);
        Assert.Equal(ObjectAction.Created, Assert.Single(observer.Remediations).Action);
    }

    private static JsonObject Noise(int i) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = $"noise-{i}", ["namespace"] = "default", ["labels"] = new JsonObject { [Tracking.ReasonLabel] = "x" } },
    };

    [Fact]
    public async Task An_object_another_writer_keeps_changing_is_reported_as_flapping_and_not_fought()
    {
        Deploy("fought", "a: '1'");
        await folder.SyncAsync();
        using var fleet = folder.Open();
        var clusters = (await fleet.GetClustersAsync(CancellationToken.None)).Where(c => c.Name == "c1").ToList();
        var observer = new RecordingDriftObserver();
        using var stop = new CancellationTokenSource();
        var options = new DriftWatchOptions { Profiles = p => p.Name == "fought", FlapLimit = 2, FlapWindow = TimeSpan.FromMinutes(1) };
        var watching = new DriftWatcher(clusters, observer, new FleetDriftRemediator(folder.Open), options).RunAsync(stop.Token);
        await Task.Delay(1000);

        using var c1 = sim.Client("c1");
        for (var round = 0; round < 4; round++)
        {
            await PatchAsync(c1, "fought", $"controller-{round}");
            await Task.Delay(700);
        }

        await stop.CancelAsync();
        await watching;
        Assert.Equal(2, observer.Remediations.Count);
        Assert.Single(observer.Flapping);
        Assert.Equal("controller-3", KubeObject.Text((await GetAsync(c1, "fought"))!["data"]!["a"]));
    }

    private static ObjectKey Key(string name) => new("v1", "ConfigMap", "default", name);

    private void Deploy(string name, string data, string? second = null)
    {
        folder.Cluster("c1", "{env: prod}");
        var manifests = $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}, namespace: default}}\ndata: {{{data}}}";
        if (second is not null)
        {
            manifests += $"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}-{second}, namespace: default}}\ndata: {{{data}}}";
        }

        folder.Content(name, manifests);
        folder.Profile(name, "{env: prod}", $"[{{kind: ConfigMap, name: {name}}}]");
    }

    private static async Task PatchAsync(KubeClient client, string name, string value)
    {
        var configMaps = await client.ResolveResourceAsync("v1", "ConfigMap", CancellationToken.None);
        await client.MergePatchAsync(configMaps, "default", name, new JsonObject { ["data"] = new JsonObject { ["a"] = value } }, "kubectl-edit", CancellationToken.None);
    }

    private static async Task<JsonObject?> GetAsync(KubeClient client, string name)
    {
        var configMaps = await client.ResolveResourceAsync("v1", "ConfigMap", CancellationToken.None);
        return await client.GetAsync(configMaps, "default", name, CancellationToken.None);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "not within 10 s");
    }

    private sealed class RecordingDriftObserver : IDriftObserver
    {
        public ConcurrentQueue<DriftFinding> Drifts { get; } = new();

        public ConcurrentQueue<ObjectResult> Remediations { get; } = new();

        public void Verbose(string message)
        {
        }

        public void Drifted(DriftFinding finding) => Drifts.Enqueue(finding);

        public void Remediated(DriftFinding finding, ObjectResult result) => Remediations.Enqueue(result);

        public ConcurrentQueue<DriftFinding> Flapping { get; } = new();

        void IDriftObserver.Flapping(DriftFinding finding, int remediations, TimeSpan window) => Flapping.Enqueue(finding);

        public void ClusterFailed(string cluster, SveltosException error)
        {
        }

        public void ClusterRecovered(string cluster)
        {
        }
    }
}
