using System.Text.Json;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Kubectl;

public sealed class KubectlApplyTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    private readonly Infrastructure.Kubectl _kubectl = fixture.Kubectl();

    [Fact]
    public async Task Client_side_apply_creates_then_reapply_changes_a_deployment_and_configmap()
    {
        var ns = await fixture.NewNamespaceAsync();
        var first = Manifests.Deployment("web", ns, "nginx:1.25") + "\n---\n" + Manifests.ConfigMap("cfg", ns, "mode", "slow");
        var second = Manifests.Deployment("web", ns, "nginx:1.26") + "\n---\n" + Manifests.ConfigMap("cfg", ns, "mode", "fast");

        var created = (await _kubectl.RunWithInputAsync(first, "apply", "-f", "-")).Succeeded();
        var unchanged = (await _kubectl.RunWithInputAsync(first, "apply", "-f", "-")).Succeeded();
        var changed = (await _kubectl.RunWithInputAsync(second, "apply", "-f", "-")).Succeeded();

        Assert.Contains("deployment.apps/web created", created.Output);
        Assert.Contains("configmap/cfg created", created.Output);
        Assert.Contains("deployment.apps/web unchanged", unchanged.Output);
        Assert.Contains("deployment.apps/web configured", changed.Output);
        Assert.Contains("configmap/cfg configured", changed.Output);
        var deployment = await GetJsonAsync("deployment", "web", ns);
        Assert.Equal("nginx:1.26", deployment.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("image").GetString());
        Assert.Equal(2, deployment.GetProperty("metadata").GetProperty("generation").GetInt64());
        Assert.Equal("fast", (await GetJsonAsync("configmap", "cfg", ns)).GetProperty("data").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Server_side_apply_of_a_crd_and_custom_resource_then_a_change()
    {
        var ns = await fixture.NewNamespaceAsync();
        const string group = "ssa.example.com";
        (await _kubectl.RunWithInputAsync(Manifests.CustomResourceDefinition(group, "Gadget", "gadgets"), "apply", "--server-side", "-f", "-")).Succeeded();
        (await _kubectl.RunAsync("wait", "--for=condition=Established", "crd/gadgets." + group, "--timeout=10s")).Succeeded();

        var created = (await _kubectl.RunWithInputAsync(Manifests.CustomResource(group, "Gadget", "g1", ns, 3), "apply", "--server-side", "-f", "-")).Succeeded();
        var changed = (await _kubectl.RunWithInputAsync(Manifests.CustomResource(group, "Gadget", "g1", ns, 5), "apply", "--server-side", "-f", "-")).Succeeded();
        var table = (await _kubectl.RunAsync("get", "gadgets", "-n", ns)).Succeeded();

        Assert.Contains("gadget.ssa.example.com/g1 serverside-applied", created.Output);
        Assert.Contains("serverside-applied", changed.Output);
        Assert.Matches(@"NAME\s+SIZE", table.Output);
        Assert.Matches(@"g1\s+5", table.Output);
        var gadget = await GetJsonAsync("gadget", "g1", ns, showManagedFields: true);
        var manager = gadget.GetProperty("metadata").GetProperty("managedFields")[0];
        Assert.Equal("kubectl", manager.GetProperty("manager").GetString());
        Assert.Equal("Apply", manager.GetProperty("operation").GetString());
        Assert.True(manager.GetProperty("fieldsV1").GetProperty("f:spec").TryGetProperty("f:size", out _));
    }

    [Fact]
    public async Task Server_side_apply_of_deployment_and_configmap_is_idempotent()
    {
        var ns = await fixture.NewNamespaceAsync();
        var manifest = Manifests.Deployment("api", ns, "nginx:1.25") + "\n---\n" + Manifests.ConfigMap("api", ns, "k", "v");

        (await _kubectl.RunWithInputAsync(manifest, "apply", "--server-side", "-f", "-")).Succeeded();
        var before = (await GetJsonAsync("configmap", "api", ns)).GetProperty("metadata").GetProperty("resourceVersion").GetString();
        (await _kubectl.RunWithInputAsync(manifest, "apply", "--server-side", "-f", "-")).Succeeded();
        var after = (await GetJsonAsync("configmap", "api", ns)).GetProperty("metadata").GetProperty("resourceVersion").GetString();

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Server_side_apply_conflicts_between_two_field_managers()
    {
        var ns = await fixture.NewNamespaceAsync();
        (await _kubectl.RunWithInputAsync(Manifests.ConfigMap("shared", ns, "owner", "alice"), "apply", "--server-side", "--field-manager=alice", "-f", "-")).Succeeded();

        var conflict = await _kubectl.RunWithInputAsync(Manifests.ConfigMap("shared", ns, "owner", "bob"), "apply", "--server-side", "--field-manager=bob", "-f", "-");
        var forced = await _kubectl.RunWithInputAsync(Manifests.ConfigMap("shared", ns, "owner", "bob"), "apply", "--server-side", "--field-manager=bob", "--force-conflicts", "-f", "-");

        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"alice\": .data.owner", conflict.Error);
        forced.Succeeded();
        Assert.Equal("bob", (await GetJsonAsync("configmap", "shared", ns)).GetProperty("data").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Wait_for_a_deployment_to_become_available()
    {
        var ns = await fixture.NewNamespaceAsync();
        (await _kubectl.RunWithInputAsync(Manifests.Deployment("ready", ns, "nginx:1.25", replicas: 3), "apply", "-f", "-")).Succeeded();

        var waited = (await _kubectl.RunAsync("wait", "--for=condition=Available", "deployment/ready", "-n", ns, "--timeout=20s")).Succeeded();
        var status = (await GetJsonAsync("deployment", "ready", ns)).GetProperty("status");

        Assert.Contains("deployment.apps/ready condition met", waited.Output);
        Assert.Equal(3, status.GetProperty("readyReplicas").GetInt32());
        Assert.Equal(1, status.GetProperty("observedGeneration").GetInt64());
    }

    private async Task<JsonElement> GetJsonAsync(string kind, string name, string ns, bool showManagedFields = false)
    {
        var args = new List<string> { "get", kind, name, "-n", ns, "-o", "json" };
        if (showManagedFields)
        {
            args.Add("--show-managed-fields");
        }
        var result = (await _kubectl.RunAsync([.. args])).Succeeded();
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }
}
