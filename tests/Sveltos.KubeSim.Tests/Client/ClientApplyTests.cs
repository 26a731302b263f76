using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Client;

public sealed class ClientApplyTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    // KubernetesClient writes V1Patch content as raw JSON, so apply configurations are sent as JSON (valid YAML).
    private static V1Patch Apply(string json) => new(json, V1Patch.PatchType.ApplyPatch);

    private static string Config(string ns, params (string Key, string Value)[] data) => JsonSerializer.Serialize(new
    {
        apiVersion = "v1",
        kind = "ConfigMap",
        metadata = new { name = "cfg", @namespace = ns },
        data = data.ToDictionary(d => d.Key, d => d.Value),
    });

    private static string DeploymentJson(string ns, string image) =>
        KubernetesJson.Serialize(KubernetesYaml.Deserialize<V1Deployment>(Manifests.Deployment("web", ns, image)));

    [Fact]
    public async Task Apply_creates_then_owns_exactly_the_applied_fields()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();

        var created = await client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Config(ns, ("a", "1"), ("b", "2"))), "cfg", ns, fieldManager: "sveltos");
        var reapplied = await client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Config(ns, ("a", "1"))), "cfg", ns, fieldManager: "sveltos");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, created.Data);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1" }, reapplied.Data);
        var entry = Assert.Single(reapplied.Metadata.ManagedFields);
        Assert.Equal("sveltos", entry.Manager);
        Assert.Equal("Apply", entry.Operation);
        Assert.Equal("""{"f:data":{"f:a":{}}}""", JsonSerializer.Serialize(entry.FieldsV1));
    }

    [Fact]
    public async Task Conflicting_apply_fails_with_the_managers_in_the_causes_unless_forced()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        await client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Config(ns, ("a", "1"), ("b", "2"))), "cfg", ns, fieldManager: "first");

        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Config(ns, ("a", "changed"), ("b", "2"))), "cfg", ns, fieldManager: "second"));
        var forced = await client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Config(ns, ("a", "changed"), ("b", "2"))), "cfg", ns, fieldManager: "second", force: true);

        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        using var status = JsonDocument.Parse(conflict.Response.Content);
        var cause = Assert.Single(status.RootElement.GetProperty("details").GetProperty("causes").EnumerateArray());
        Assert.Equal("FieldManagerConflict", cause.GetProperty("type").GetString());
        Assert.Equal("conflict with \"first\"", cause.GetProperty("message").GetString());
        Assert.Equal(".data.a", cause.GetProperty("field").GetString());
        Assert.Equal("changed", forced.Data["a"]);
        var owners = forced.Metadata.ManagedFields.ToDictionary(m => m.Manager, m => JsonSerializer.Serialize(m.FieldsV1));
        Assert.Equal("""{"f:data":{"f:b":{}}}""", owners["first"]);
        Assert.Equal("""{"f:data":{"f:a":{},"f:b":{}}}""", owners["second"]);
    }

    [Fact]
    public async Task A_field_dropped_by_one_manager_stays_while_another_owns_it()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        await client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Config(ns, ("shared", "x"), ("mine", "1"))), "cfg", ns, fieldManager: "one");
        await client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Config(ns, ("shared", "x"))), "cfg", ns, fieldManager: "two");

        var result = await client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Config(ns)), "cfg", ns, fieldManager: "one");

        Assert.Equal(new Dictionary<string, string> { ["shared"] = "x" }, result.Data);
    }

    [Fact]
    public async Task Apply_merges_containers_by_name_and_tracks_an_update_manager()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        await client.AppsV1.PatchNamespacedDeploymentAsync(Apply(DeploymentJson(ns, "nginx:1")), "web", ns, fieldManager: "sveltos");
        await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"web","imagePullPolicy":"Always"}]}}}}""", V1Patch.PatchType.StrategicMergePatch),
            "web", ns, fieldManager: "operator");

        var result = await client.AppsV1.PatchNamespacedDeploymentAsync(Apply(DeploymentJson(ns, "nginx:2")), "web", ns, fieldManager: "sveltos");

        var container = Assert.Single(result.Spec.Template.Spec.Containers);
        Assert.Equal("nginx:2", container.Image);
        Assert.Equal("Always", container.ImagePullPolicy);
        Assert.Contains(result.Metadata.ManagedFields, m => m.Manager == "operator" && m.Operation == "Update");
        Assert.Equal(3, result.Metadata.Generation);
    }
}
