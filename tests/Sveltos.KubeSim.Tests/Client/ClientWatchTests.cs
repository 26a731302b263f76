using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Client;

public sealed class ClientWatchTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    private static V1ConfigMap ConfigMap(string name, string app = "x") =>
        new() { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = app } } };

    [Fact]
    public async Task Watch_from_a_list_resource_version_streams_changes_matching_the_selector()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync(ns);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var events = new List<(WatchEventType, string)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, cm) in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, labelSelector: "app=x", cancellationToken: cancel.Token))
            {
                events.Add((type, cm.Metadata.Name));
                if (type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        }, cancel.Token);

        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("ignored", app: "y"), ns);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("w"), ns);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"v"}}""", V1Patch.PatchType.MergePatch), "w", ns);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("w", ns);
        await watching;

        Assert.Equal([(WatchEventType.Added, "w"), (WatchEventType.Modified, "w"), (WatchEventType.Deleted, "w")], events);
    }

    [Fact]
    public async Task An_expired_resource_version_gives_410_and_relist_then_watch_resumes()
    {
        var ns = await fixture.NewNamespaceAsync("dev-1");
        var cluster = fixture.Server["dev-1"];
        using var client = fixture.Client("dev-1");
        var stale = (await client.CoreV1.ListNamespacedConfigMapAsync(ns)).Metadata.ResourceVersion;
        var original = cluster.WatchHistorySize;
        cluster.WatchHistorySize = 3;
        try
        {
            for (var i = 0; i < 6; i++)
            {
                await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"c{i}"), ns);
            }
            Exception? error = null;
            await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: stale, onError: e => error = e))
            {
            }

            var relisted = await client.CoreV1.ListNamespacedConfigMapAsync(ns);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var resumed = Task.Run(async () =>
            {
                await foreach (var (type, cm) in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: relisted.Metadata.ResourceVersion, cancellationToken: cancel.Token))
                {
                    return (type, cm.Metadata.Name);
                }
                return default;
            });
            await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("after"), ns);

            var gone = Assert.IsType<KubernetesException>(error);
            Assert.Equal(410, gone.Status.Code);
            Assert.Equal("Expired", gone.Status.Reason);
            Assert.Equal(6, relisted.Items.Count);
            Assert.Equal((WatchEventType.Added, "after"), await resumed);
        }
        finally
        {
            cluster.WatchHistorySize = original;
        }
    }

    [Fact]
    public async Task Bookmarks_carry_the_latest_resource_version_and_timeout_ends_the_watch()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync(ns);
        var bookmarks = new List<string>();

        await foreach (var (type, cm) in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, allowWatchBookmarks: true, timeoutSeconds: 2))
        {
            if (type == WatchEventType.Bookmark)
            {
                bookmarks.Add(cm.Metadata.ResourceVersion);
            }
        }

        Assert.NotEmpty(bookmarks);
        Assert.All(bookmarks, rv => Assert.True(long.Parse(rv) >= long.Parse(list.Metadata.ResourceVersion)));
    }
}
