using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Client;

public sealed class ClientCrudTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    private static V1ConfigMap ConfigMap(string name, IDictionary<string, string>? labels = null) =>
        new() { Metadata = new V1ObjectMeta { Name = name, Labels = labels }, Data = new Dictionary<string, string> { ["k"] = "v" } };

    [Fact]
    public async Task Create_get_replace_delete_with_metadata_the_server_sets()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();

        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c"), ns);
        created.Data["k"] = "changed";
        var replaced = await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "c", ns);
        var read = await client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("c", ns);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("c", ns));

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.True(long.Parse(replaced.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));
        Assert.Equal("changed", read.Data["k"]);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        Assert.Contains("\"reason\":\"NotFound\"", gone.Response.Content);
    }

    [Fact]
    public async Task Conflicts_and_invalid_objects_answer_with_status_objects()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("dup"), ns);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"x":"y"}}""", V1Patch.PatchType.MergePatch), "dup", ns);

        var exists = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("dup"), ns));
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "dup", ns));
        var invalid = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("Not_Valid"), ns));
        var noNamespace = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("x"), "missing-ns"));

        Assert.Equal(HttpStatusCode.Conflict, exists.Response.StatusCode);
        Assert.Contains("\"reason\":\"AlreadyExists\"", exists.Response.Content);
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
        Assert.Contains("\"reason\":\"Conflict\"", stale.Response.Content);
        Assert.Equal((HttpStatusCode)422, invalid.Response.StatusCode);
        Assert.Contains("\"field\":\"metadata.name\"", invalid.Response.Content);
        Assert.Equal(HttpStatusCode.NotFound, noNamespace.Response.StatusCode);
        Assert.Contains("namespaces \\\"missing-ns\\\" not found", noNamespace.Response.Content);
    }

    [Fact]
    public async Task List_filters_by_label_and_field_selectors_and_pages()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"cm-{i}", new Dictionary<string, string> { ["parity"] = i % 2 == 0 ? "even" : "odd" }), ns);
        }

        var even = await client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "parity=even");
        var notEven = await client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "parity notin (even)");
        var byName = await client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name=cm-3");
        var pages = new List<List<string>>();
        string? next = null;
        do
        {
            var page = await client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: next);
            pages.Add(page.Items.Select(i => i.Metadata.Name).ToList());
            next = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));

        Assert.Equal(["cm-0", "cm-2", "cm-4"], even.Items.Select(i => i.Metadata.Name));
        Assert.Equal(["cm-1", "cm-3"], notEven.Items.Select(i => i.Metadata.Name));
        Assert.Equal(["cm-3"], byName.Items.Select(i => i.Metadata.Name));
        Assert.Equal([["cm-0", "cm-1"], ["cm-2", "cm-3"], ["cm-4"]], pages);
        Assert.False(string.IsNullOrEmpty(even.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Status_subresource_and_generation()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(Manifests.Deployment("gen", ns, "nginx:1"));
        var created = await client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);

        created.Metadata.Labels["extra"] = "label";
        var relabelled = await client.AppsV1.ReplaceNamespacedDeploymentAsync(created, "gen", ns);
        relabelled.Spec.Replicas = 5;
        relabelled.Status = new V1DeploymentStatus { Replicas = 99 };
        var rescaled = await client.AppsV1.ReplaceNamespacedDeploymentAsync(relabelled, "gen", ns);
        rescaled.Status = new V1DeploymentStatus { Replicas = 42, ObservedGeneration = 7 };
        rescaled.Spec.Replicas = 1;
        var statusWritten = await client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(rescaled, "gen", ns);

        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(1, relabelled.Metadata.Generation);
        Assert.Equal(2, rescaled.Metadata.Generation);
        Assert.NotEqual(99, rescaled.Status?.Replicas);
        Assert.Equal(42, statusWritten.Status.Replicas);
        Assert.Equal(5, statusWritten.Spec.Replicas);
        Assert.Equal(2, statusWritten.Metadata.Generation);
    }

    [Fact]
    public async Task Finalizers_hold_deletion_until_cleared()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        var cm = ConfigMap("held");
        cm.Metadata.Finalizers = ["example.com/cleanup"];
        await client.CoreV1.CreateNamespacedConfigMapAsync(cm, ns);

        await client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);
        var terminating = await client.CoreV1.ReadNamespacedConfigMapAsync("held", ns);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "held", ns);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("held", ns));

        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Dry_run_and_delete_collection()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("dry"), ns, dryRun: "All");
        var afterDryRun = await client.CoreV1.ListNamespacedConfigMapAsync(ns);
        for (var i = 0; i < 3; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"x-{i}", new Dictionary<string, string> { ["sweep"] = i < 2 ? "yes" : "no" }), ns);
        }

        await client.CoreV1.DeleteCollectionNamespacedConfigMapAsync(ns, labelSelector: "sweep=yes");
        var remaining = await client.CoreV1.ListNamespacedConfigMapAsync(ns);

        Assert.Empty(afterDryRun.Items);
        Assert.Equal(["x-2"], remaining.Items.Select(i => i.Metadata.Name));
    }

    [Fact]
    public async Task Deleting_an_owner_collects_its_dependents()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner"), ns);
        var dependent = ConfigMap("dependent");
        dependent.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid }];
        await client.CoreV1.CreateNamespacedConfigMapAsync(dependent, ns);

        await client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns);

        Assert.Empty((await client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items);
    }
}
