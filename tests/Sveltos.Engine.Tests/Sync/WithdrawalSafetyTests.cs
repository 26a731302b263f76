using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Sync;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Sync;

public sealed class WithdrawalSafetyTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>, IDisposable
{
    private readonly FleetFolder folder = new(sim);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_profile_that_vanished_from_the_fleet_is_not_withdrawn_without_force()
    {
        Deploy("vanish", "c1", "c2");
        await folder.SyncAsync();
        folder.Delete("profiles/vanish.yaml");

        var error = await Assert.ThrowsAsync<SveltosException>(() => folder.SyncAsync());

        Assert.Equal("WithdrawalNeedsForce", error.ErrorId);
        Assert.Contains("ClusterProfile/vanish is no longer in the fleet and was not removed with Remove-ClusterProfile: withdrawing it would delete 2 object(s) on cluster(s) fleet/c1, fleet/c2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync("vanish"));

        var forced = await folder.SyncAsync(new SyncRequest { Force = true });
        Assert.Equal(2, forced.Results.Count(r => r.Action == ObjectAction.Deleted && r.Profile.Name == "vanish"));
        Assert.Equal(0, await CountAsync("vanish"));
    }

    [Fact]
    public async Task A_profile_removed_from_the_fleet_on_purpose_is_withdrawn_and_saving_it_again_clears_the_removal()
    {
        Deploy("removed", "c1", "c2");
        await folder.SyncAsync();
        using (var fleet = folder.Open())
        {
            var profile = (await fleet.GetProfilesAsync(CancellationToken.None)).Profiles.Single(p => p.Name == "removed");
            await fleet.RemoveProfileAsync(profile, CancellationToken.None);
            Assert.Contains("ClusterProfile/removed", (await fleet.GetIdentityAsync(CancellationToken.None))!.RemovedProfiles);

            var withdrawn = await folder.SyncAsync();
            Assert.Equal(2, withdrawn.Results.Count(r => r.Action == ObjectAction.Deleted));

            await fleet.SaveProfileAsync(profile, CancellationToken.None);
            Assert.Empty((await fleet.GetIdentityAsync(CancellationToken.None))!.RemovedProfiles);
        }
    }

    [Fact]
    public async Task Withdrawing_more_than_half_of_the_fleets_deployments_needs_force_and_fewer_do_not()
    {
        Deploy("half", "c1", "c2", "c3");
        await folder.SyncAsync();

        folder.Cluster("c3", "{env: dev}");
        var one = await folder.SyncAsync();
        Assert.Single(one.Results, r => r.Action == ObjectAction.Deleted);

        folder.Cluster("c3", "{env: prod}");
        await folder.SyncAsync();
        folder.Cluster("c1", "{env: dev}");
        folder.Cluster("c2", "{env: dev}");
        var error = await Assert.ThrowsAsync<SveltosException>(() => folder.SyncAsync());
        Assert.Contains("2 of the fleet's 3 deployments on these clusters would be withdrawn, more than half", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync("half"));
    }

    [Fact]
    public async Task A_sync_never_touches_records_another_fleet_wrote()
    {
        Deploy("mine", "c1");
        await folder.SyncAsync();
        using var other = new FleetFolder(sim);
        other.Cluster("c1", "{env: prod}");

        var observer = await other.SyncAsync();

        Assert.Empty(observer.Results);
        Assert.Equal(1, await CountAsync("mine"));

        other.Content("mine", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mine-addon, namespace: default}\ndata: {owner: other}");
        other.Profile("mine", "{env: prod}", "[{kind: ConfigMap, name: mine}]");
        var conflict = await other.SyncAsync();
        var (_, _, error) = Assert.Single(conflict.PairErrors);
        Assert.Equal("FleetConflict", error.ErrorId);
        Assert.Empty(conflict.Results);
    }

    [Fact]
    public async Task Records_from_before_fleet_identities_are_claimed_by_the_fleet_that_deploys_them_and_never_withdrawn_by_one_that_does_not()
    {
        Deploy("legacy", "c1");
        Deploy("orphan", "c1");
        await folder.SyncAsync();
        using var c1 = sim.Client("c1");
        foreach (var record in (await DeploymentRecordStore.ListAsync(c1, CancellationToken.None)).Where(r => r.Profile.Name is "legacy" or "orphan"))
        {
            await DeploymentRecordStore.SaveAsync(c1, record with { Fleet = null, FleetDescription = null }, CancellationToken.None);
        }

        folder.Delete("profiles/orphan.yaml");
        var observer = await folder.SyncAsync();

        Assert.DoesNotContain(observer.Results, r => r.Action != ObjectAction.Unchanged);
        Assert.Contains(observer.Warnings, w => w.Contains("ClusterProfile/orphan was deployed by an earlier version of the module", StringComparison.Ordinal));
        var records = (await DeploymentRecordStore.ListAsync(c1, CancellationToken.None)).ToDictionary(r => r.Profile.Name);
        Assert.Equal(Path.GetFileName(folder.Root).ToLowerInvariant(), records["legacy"].Fleet);
        Assert.Null(records["orphan"].Fleet);
        Assert.Equal(2, await CountAsync("legacy") + await CountAsync("orphan"));
    }

    [Fact]
    public async Task A_paused_profile_is_neither_deployed_nor_withdrawn()
    {
        Deploy("paused", "c1");
        await folder.SyncAsync();
        folder.Content("paused", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: paused-addon, namespace: default}\ndata: {a: '2'}");
        folder.Write("profiles/paused.yaml", File.ReadAllText(Path.Combine(folder.Root, "profiles/paused.yaml"))
            .Replace("  name: paused\n", "  name: paused\n  annotations: {profile.projectsveltos.io/paused: 'true'}\n", StringComparison.Ordinal)
            .Replace("{env: prod}", "{env: nowhere}", StringComparison.Ordinal));

        var observer = await folder.SyncAsync();

        Assert.DoesNotContain(observer.Results, r => r.Profile.Name == "paused");
        Assert.Empty(observer.PairErrors);
        using var c1 = sim.Client("c1");
        var configMaps = await c1.ResolveResourceAsync("v1", "ConfigMap", CancellationToken.None);
        Assert.Equal("1", KubeObject.Text((await c1.GetAsync(configMaps, "default", "paused-addon", CancellationToken.None))!["data"]!["a"]));
    }

    [Fact]
    public async Task A_directory_without_an_identity_cannot_be_synced()
    {
        folder.Cluster("c1", "{env: prod}");
        folder.Delete(DirectoryFleet.IdentityFile);

        var error = await Assert.ThrowsAsync<SveltosException>(() => folder.SyncAsync());

        Assert.Equal("FleetIdentityMissing", error.ErrorId);
    }

    [Fact]
    public async Task A_management_cluster_gets_its_identity_from_its_first_applied_sync_and_not_from_a_plan()
    {
        using var fleet = sim.ManagementFleet();
        var mgmt = fleet.Management;
        var none = CancellationToken.None;
        await SveltosCrds.EnsureAsync(mgmt, [SveltosCrds.SveltosCluster, SveltosCrds.ClusterProfile], none);
        await fleet.RegisterClusterAsync(new ClusterRegistration("fleet", "c3", new Dictionary<string, string> { ["env"] = "mgmt-test" }, sim.Connection("c3"), true, null), none);
        var configMaps = await mgmt.ResolveResourceAsync("v1", "ConfigMap", none);
        await mgmt.ApplyAsync(configMaps, Json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'first','namespace':'fleet'},'data':{'o.yaml':'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: first-addon, namespace: default}\\n'}}"), "test", false, false, none);
        var profiles = await mgmt.ResolveResourceAsync(SveltosCrds.ClusterProfile.ApiVersion, "ClusterProfile", none);
        await mgmt.ApplyAsync(profiles, Json("{'apiVersion':'config.projectsveltos.io/v1beta1','kind':'ClusterProfile','metadata':{'name':'first'},'spec':{'clusterSelector':{'matchLabels':{'env':'mgmt-test'}},'policyRefs':[{'kind':'ConfigMap','name':'first','namespace':'fleet'}]}}"), "test", false, false, none);
        Assert.Null(await fleet.GetIdentityAsync(none));

        using (var plan = await FleetSync.PlanAsync(fleet, new SyncRequest(), new RecordingObserver(), none))
        {
            Assert.Null(await fleet.GetIdentityAsync(none));
            await plan.ApplyAsync((_, _) => true, new RecordingObserver(), none);
        }

        var identity = await fleet.GetIdentityAsync(none);
        Assert.NotNull(identity);
        Assert.StartsWith("mgmt-", identity!.Name, StringComparison.Ordinal);
        Assert.Equal(identity.Name, (await fleet.EnsureIdentityAsync(none)).Name);
        using var c3 = sim.Client("c3");
        Assert.Equal(identity.Name, Assert.Single(await DeploymentRecordStore.ListAsync(c3, none), r => r.Profile.Name == "first").Fleet);
    }

    private static JsonObject Json(string singleQuoted) => JsonNode.Parse(singleQuoted.Replace('\'', '"'))!.AsObject();

    private void Deploy(string name, params string[] clusters)
    {
        foreach (var cluster in clusters)
        {
            folder.Cluster(cluster, "{env: prod}");
        }

        folder.Content(name, $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}-addon, namespace: default}}\ndata: {{a: '1'}}");
        folder.Profile(name, "{env: prod}", $"[{{kind: ConfigMap, name: {name}}}]");
    }

    private async Task<int> CountAsync(string profile)
    {
        var count = 0;
        foreach (var cluster in sim.WorkloadClusters)
        {
            using var client = sim.Client(cluster);
            var configMaps = await client.ResolveResourceAsync("v1", "ConfigMap", CancellationToken.None);
            count += (await client.ListAsync(configMaps, "default", $"{Tracking.ReasonLabel}", CancellationToken.None)).Items.Count(i => KubeObject.Annotations(i).GetValueOrDefault(Tracking.OwnerName) == profile);
        }

        return count;
    }
}
