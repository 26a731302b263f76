using Sveltos.Engine.Fleet;
using Sveltos.Engine.Fleet.Directory;

namespace Sveltos.Engine.Tests.Fleet;

public sealed class DirectoryFleetTests : IDisposable
{
    private readonly string root = System.IO.Directory.CreateTempSubdirectory("sveltos-fleet-").FullName;

    public void Dispose() => System.IO.Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Registering_writes_a_cluster_file_that_lists_back_with_its_labels_and_context()
    {
        using var fleet = new DirectoryFleet(root, null);
        var kubeconfig = Path.Combine(root, "kubeconfig");
        await fleet.RegisterClusterAsync(new ClusterRegistration("prod", "prod-1", new Dictionary<string, string> { ["env"] = "prod" }, new ContextConnection("ctx-1", [kubeconfig]), true, null), CancellationToken.None);

        var clusters = await fleet.GetClustersAsync(CancellationToken.None);

        var cluster = Assert.Single(clusters);
        Assert.Equal(("prod", "prod-1", ClusterType.SveltosCluster), (cluster.Namespace, cluster.Name, cluster.Type));
        Assert.Equal("prod", cluster.Labels["env"]);
        Assert.True(cluster.Eligible);
        var connection = Assert.IsType<ContextConnection>(cluster.Connection);
        Assert.Equal("ctx-1", connection.Context);
        Assert.Equal([kubeconfig], connection.KubeconfigPaths);
        Assert.Contains("pwsh.projectsveltos.io/kubeconfig: \"../kubeconfig\"", File.ReadAllText(Path.Combine(root, "clusters", "prod-1.yaml")));
    }

    [Fact]
    public async Task Relabelling_edits_the_file_in_place_and_unregistering_removes_only_that_cluster()
    {
        var path = Path.Combine(root, "clusters.yaml");
        File.WriteAllText(path, """
            # hand-written
            apiVersion: lib.projectsveltos.io/v1beta1
            kind: SveltosCluster
            metadata:
              name: a
              namespace: fleet
              labels: {env: dev}
            ---
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: Cluster
            metadata:
              name: b
              namespace: fleet
            status:
              controlPlaneReady: false

            """);
        using var fleet = new DirectoryFleet(root, null);
        var a = (await fleet.GetClustersAsync(CancellationToken.None)).Single(c => c.Name == "a");

        var relabelled = await fleet.SetClusterLabelsAsync(a, new Dictionary<string, string> { ["env"] = "prod" }, CancellationToken.None);
        Assert.Equal("prod", relabelled.Labels["env"]);
        Assert.StartsWith("# hand-written\n", File.ReadAllText(path));

        await fleet.UnregisterClusterAsync(relabelled, CancellationToken.None);
        var left = Assert.Single(await fleet.GetClustersAsync(CancellationToken.None));
        Assert.Equal(("b", ClusterType.Capi, false), (left.Name, left.Type, left.Ready));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_stops_the_fleet_instead_of_being_skipped()
    {
        File.WriteAllText(Path.Combine(root, "broken.yaml"), "kind: ClusterProfile\nmetadata: {name: [x\n");
        using var fleet = new DirectoryFleet(root, null);

        var error = await Assert.ThrowsAsync<SveltosException>(() => fleet.GetProfilesAsync(CancellationToken.None));

        Assert.Equal("FleetFileMalformed", error.ErrorId);
        Assert.Contains("broken.yaml", error.Message);
    }

    [Fact]
    public async Task An_invalid_profile_is_known_by_name_so_it_is_never_taken_for_a_removed_one()
    {
        File.WriteAllText(Path.Combine(root, "p.yaml"), """
            apiVersion: config.projectsveltos.io/v1beta1
            kind: ClusterProfile
            metadata: {name: web}
            spec: {syncMode: Continous}
            """);
        using var fleet = new DirectoryFleet(root, null);

        var profiles = await fleet.GetProfilesAsync(CancellationToken.None);

        Assert.Empty(profiles.Profiles);
        Assert.True(profiles.Exists("ClusterProfile/web"));
        Assert.Contains(profiles.Problems, p => p.Message.Contains("spec.syncMode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Objects_are_found_by_kind_namespace_and_name()
    {
        File.WriteAllText(Path.Combine(root, "content.yaml"), """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: addons, namespace: fleet}
            data: {a.yaml: "kind: Namespace"}
            """);
        using var fleet = new DirectoryFleet(root, null);

        Assert.NotNull(await fleet.GetObjectAsync("v1", "ConfigMap", "fleet", "addons", CancellationToken.None));
        Assert.Null(await fleet.GetObjectAsync("v1", "ConfigMap", "other", "addons", CancellationToken.None));
        Assert.Null(await fleet.GetObjectAsync("v1", "Secret", "fleet", "addons", CancellationToken.None));
    }
}
