using System.Diagnostics;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Sync;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Sync;

public sealed class MaxUpdateTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>, IDisposable
{
    private readonly FleetFolder folder = new(sim);

    public void Dispose()
    {
        foreach (var name in sim.WorkloadClusters)
        {
            sim.Server[name].Latency = TimeSpan.Zero;
        }

        folder.Dispose();
    }

    [Fact]
    public async Task MaxUpdate_one_changes_one_cluster_at_a_time()
    {
        foreach (var name in sim.WorkloadClusters)
        {
            folder.Cluster(name, "{env: prod}");
        }

        await ApplyNewVersionAsync("");
        foreach (var name in sim.WorkloadClusters)
        {
            sim.Server[name].Latency = TimeSpan.FromMilliseconds(100);
        }

        // The same update, with every cluster at once and then one at a time: about three times as long.
        // The best of two runs each keeps a busy machine from deciding the outcome.
        var together = Math.Min(await ApplyNewVersionAsync(""), await ApplyNewVersionAsync(""));
        var oneByOne = Math.Min(await ApplyNewVersionAsync("  maxUpdate: 1"), await ApplyNewVersionAsync("  maxUpdate: 1"));

        Assert.True(oneByOne >= 2 * together, $"one at a time took {oneByOne} ms, all at once {together} ms");
    }

    private async Task<long> ApplyNewVersionAsync(string maxUpdate)
    {
        var version = Guid.NewGuid().ToString("N");
        folder.Content("cm", $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: rolled, namespace: default}}\ndata: {{v: '{version}'}}");
        folder.Profile("rolled", "{env: prod}", "[{kind: ConfigMap, name: cm}]", maxUpdate);
        var observer = new RecordingObserver();
        using var fleet = folder.Open();
        using var plan = await FleetSync.PlanAsync(fleet, new SyncRequest(), observer, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await plan.ApplyAsync((_, _) => true, observer, CancellationToken.None);
        Assert.Equal(3, observer.Results.Count(r => r.Action is ObjectAction.Created or ObjectAction.Updated));
        return watch.ElapsedMilliseconds;
    }
}
