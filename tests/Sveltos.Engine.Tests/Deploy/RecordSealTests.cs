using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Deploy;

public sealed class RecordSealTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FleetFolder folder = new(sim);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Records_hold_no_hash_of_a_Secret_that_could_be_checked_without_the_clusters_key()
    {
        folder.Cluster("c1", "{seal: test}");
        folder.Content("sealed", "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: default}\ntype: Opaque\nstringData: {password: hunter2}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain, namespace: default}\ndata: {a: '1'}");
        folder.Profile("sealed", "{seal: test}", "[{kind: ConfigMap, name: sealed}]");
        var first = await folder.SyncAsync();
        Assert.Empty(first.PairErrors.Select(e => e.Error.Message));
        Assert.Empty(first.ClusterErrors.Select(e => e.Error.Message));

        using var c1 = sim.Client("c1");
        var record = (await DeploymentRecordStore.ListAsync(c1, None)).Single(r => r.Profile.Name == "sealed");
        var secret = record.Objects.Single(o => o.Kind == "Secret");
        var configMap = record.Objects.Single(o => o.Kind == "ConfigMap");
        var secrets = await c1.ResolveResourceAsync("v1", "Secret", None);
        var live = (await c1.GetAsync(secrets, "default", "db", None))!;
        Assert.StartsWith("sealed:", secret.Hash, StringComparison.Ordinal);
        Assert.NotEqual(Tracking.OwnerOf(live)!.Hash, secret.Hash);
        Assert.StartsWith("declared:sealed:", secret.DriftHash, StringComparison.Ordinal);
        Assert.NotEqual(DriftHasher.Hash(live, null), secret.DriftHash);
        Assert.StartsWith("sealed:", record.InputHash, StringComparison.Ordinal);
        Assert.StartsWith("sha256:", configMap.Hash, StringComparison.Ordinal);
        Assert.NotNull(await c1.GetAsync(secrets, DeploymentRecordStore.Namespace, RecordSeal.SecretName, None));

        sim.Server["c1"].ResetCounters();
        var again = await folder.SyncAsync();
        Assert.All(again.Results.Where(r => r.Profile.Name == "sealed"), r => Assert.Equal(ObjectAction.Unchanged, r.Action));
        var counters = sim.Server["c1"].GetCounters();
        Assert.Equal(0, counters["create"] + counters["update"] + counters["patch"] + counters["apply"] + counters["delete"]);

        await c1.MergePatchAsync(secrets, "default", "db", new JsonObject { ["data"] = new JsonObject { ["password"] = Convert.ToBase64String("changed"u8) } }, "kubectl-edit", None);
        var drift = Assert.Single((await DriftCheck.CheckAsync(c1, "fleet/c1", p => p.Name == "sealed", None)).Drifted);
        Assert.Equal(("db", DriftChange.Modified), (drift.Key.Name, drift.Change));

        var restored = await folder.SyncAsync();
        Assert.Equal("changed out of band; restored", Assert.Single(restored.Results, r => r.Action == ObjectAction.Updated).Message);
        Assert.Equal("hunter2", SecretValue((await c1.GetAsync(secrets, "default", "db", None))!));
        var (drifted, notChecked) = await DriftCheck.CheckAsync(c1, "fleet/c1", p => p.Name == "sealed", None);
        Assert.Empty(drifted);
        Assert.Empty(notChecked);
    }

    [Fact]
    public void A_sealed_hash_cannot_be_compared_without_the_key_and_is_then_unknown_not_changed()
    {
        Assert.Null(RecordSeal.None.Matches("declared:sealed:00ff", "declared:sha256:abc"));
        Assert.True(RecordSeal.None.Matches("sha256:abc", "sha256:abc"));
        Assert.False(RecordSeal.None.Matches("sha256:abc", "sha256:abd"));
    }

    private static string SecretValue(JsonObject secret) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(KubeObject.Text(secret["data"]!["password"])));
}
