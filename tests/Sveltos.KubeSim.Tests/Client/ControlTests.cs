using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Client;

public sealed class ControlTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    [Fact]
    public async Task A_cluster_taken_down_refuses_connections_and_comes_back_on_the_same_port()
    {
        var cluster = fixture.Server["dev-1"];
        var port = cluster.Port;
        using var client = fixture.Client("dev-1");
        await client.CoreV1.ListNamespaceAsync();

        await cluster.TakeDownAsync();
        // The pooled connection is dropped (reset); the next connection attempt is refused.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.CoreV1.ListNamespaceAsync());
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.CoreV1.ListNamespaceAsync());
        await cluster.BringUpAsync();
        var namespaces = await client.CoreV1.ListNamespaceAsync();

        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(refused.InnerException).SocketErrorCode);
        Assert.True(cluster.IsDown is false);
        Assert.Equal(port, cluster.Port);
        Assert.NotEmpty(namespaces.Items);
    }

    [Fact]
    public async Task Injected_failures_answer_429_with_retry_after_or_500()
    {
        var cluster = fixture.Server["prod-1"];
        using var http = Http.For(fixture.Server, cluster);
        try
        {
            cluster.FailureRate = 1;
            cluster.FailureStatusCode = 429;
            cluster.RetryAfterSeconds = 3;
            using var throttled = await http.GetAsync("/api/v1/namespaces");
            cluster.FailureStatusCode = 500;
            using var broken = await http.GetAsync("/api/v1/namespaces");
            cluster.FailureRate = 0.5;
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < 60; i++)
            {
                using var response = await http.GetAsync("/api/v1/namespaces/default");
                codes.Add(response.StatusCode);
            }

            Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
            Assert.Contains("\"reason\":\"TooManyRequests\"", await throttled.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
            Assert.Contains("\"reason\":\"InternalError\"", await broken.Content.ReadAsStringAsync());
            Assert.Contains(HttpStatusCode.OK, codes);
            Assert.Contains(HttpStatusCode.InternalServerError, codes);
        }
        finally
        {
            cluster.FailureRate = 0;
        }
    }

    [Fact]
    public async Task Latency_delays_every_request()
    {
        var cluster = fixture.Server["prod-1"];
        using var client = fixture.Client("prod-1");
        await client.CoreV1.ReadNamespaceAsync("default");
        cluster.Latency = TimeSpan.FromMilliseconds(300);
        try
        {
            var watch = Stopwatch.StartNew();
            await client.CoreV1.ReadNamespaceAsync("default");
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {watch.Elapsed}");
        }
        finally
        {
            cluster.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Counters_count_requests_by_verb()
    {
        var ns = await fixture.NewNamespaceAsync("mgmt");
        var cluster = fixture.Server["mgmt"];
        using var client = fixture.Client("mgmt");
        cluster.ResetCounters();

        var cm = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, ns);
        await client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        await client.CoreV1.ListNamespacedConfigMapAsync(ns);
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(cm, "c", ns);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"a":"b"}}""", V1Patch.PatchType.MergePatch), "c", ns);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""", V1Patch.PatchType.ApplyPatch), "c", ns, fieldManager: "m");
        await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, timeoutSeconds: 1))
        {
        }
        await client.CoreV1.DeleteNamespacedConfigMapAsync("c", ns);

        var counters = cluster.GetCounters();
        Assert.Equal(1, counters["create"]);
        Assert.Equal(1, counters["get"]);
        Assert.Equal(1, counters["list"]);
        Assert.Equal(1, counters["update"]);
        Assert.Equal(1, counters["patch"]);
        Assert.Equal(1, counters["apply"]);
        Assert.Equal(1, counters["watch"]);
        Assert.Equal(1, counters["delete"]);
        Assert.Equal(8, counters["total"]);
    }

    [Fact]
    public async Task Clusters_added_and_removed_at_run_time_update_the_kubeconfig()
    {
        var added = await fixture.Server.AddClusterAsync(new ClusterSpec("edge-1") { Version = "v1.30.2", Nodes = 3, NodeLabels = { ["region"] = "eu" } });
        using (var client = fixture.Client("edge-1"))
        {
            var nodes = await client.CoreV1.ListNodeAsync(labelSelector: "region=eu");
            Assert.Equal(3, nodes.Items.Count);
            Assert.All(nodes.Items, n => Assert.Equal("v1.30.2", n.Status.NodeInfo.KubeletVersion));
        }

        await fixture.Server.RemoveClusterAsync("edge-1");
        var config = KubernetesClientConfiguration.LoadKubeConfig(fixture.Server.KubeconfigPath);

        Assert.DoesNotContain(config.Contexts, c => c.Name == "edge-1");
        Assert.Contains(config.Contexts, c => c.Name == "prod-1");
        Assert.True(added.IsDown);
        Assert.Equal("mgmt", config.CurrentContext);
    }

    [Fact]
    public async Task Changing_the_version_updates_discovery_and_kubelets()
    {
        var cluster = fixture.Server["mgmt"];
        using var client = fixture.Client("mgmt");

        cluster.SetVersion("v1.31.7");
        var version = await client.Version.GetCodeAsync();
        var nodes = await client.CoreV1.ListNodeAsync();
        cluster.SetVersion("v1.32.0");

        Assert.Equal("v1.31.7", version.GitVersion);
        Assert.All(nodes.Items, n => Assert.Equal("v1.31.7", n.Status.NodeInfo.KubeletVersion));
    }
}
