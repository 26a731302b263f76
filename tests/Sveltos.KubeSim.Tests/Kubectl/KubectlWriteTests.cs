using System.Text.Json;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Kubectl;

public sealed class KubectlWriteTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    private readonly Infrastructure.Kubectl _kubectl = fixture.Kubectl();

    [Fact]
    public async Task Create_namespace_then_create_configmap_in_it()
    {
        (await _kubectl.RunAsync("create", "namespace", "created-by-kubectl")).Succeeded();
        (await _kubectl.RunAsync("create", "configmap", "settings", "-n", "created-by-kubectl", "--from-literal=mode=fast")).Succeeded();

        var ns = (await _kubectl.RunAsync("get", "namespace", "created-by-kubectl", "-o", "jsonpath={.status.phase}")).Succeeded();
        var data = (await _kubectl.RunAsync("get", "configmap", "settings", "-n", "created-by-kubectl", "-o", "jsonpath={.data.mode}")).Succeeded();
        Assert.Equal("Active", ns.Output);
        Assert.Equal("fast", data.Output);
    }

    [Fact]
    public async Task Create_deployment_sends_protobuf_and_is_stored_as_kubectl_built_it()
    {
        var ns = await fixture.NewNamespaceAsync();
        (await _kubectl.RunAsync("create", "deployment", "web", "-n", ns, "--image=nginx:1.27", "--replicas=3", "--port=8080")).Succeeded();
        (await _kubectl.RunAsync("create", "deployment", "idle", "-n", ns, "--image=nginx:1.27", "--replicas=0")).Succeeded();

        var web = JsonDocument.Parse((await _kubectl.RunAsync("get", "deployment", "web", "-n", ns, "-o", "json")).Succeeded().Output).RootElement;
        var spec = web.GetProperty("spec");
        Assert.Equal(3, spec.GetProperty("replicas").GetInt32());
        Assert.Equal("web", spec.GetProperty("selector").GetProperty("matchLabels").GetProperty("app").GetString());
        Assert.Equal("web", spec.GetProperty("template").GetProperty("metadata").GetProperty("labels").GetProperty("app").GetString());
        var container = spec.GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        Assert.Equal("nginx", container.GetProperty("name").GetString());
        Assert.Equal("nginx:1.27", container.GetProperty("image").GetString());
        Assert.Equal(8080, container.GetProperty("ports")[0].GetProperty("containerPort").GetInt32());
        var idle = (await _kubectl.RunAsync("get", "deployment", "idle", "-n", ns, "-o", "jsonpath={.spec.replicas}")).Succeeded();
        Assert.Equal("0", idle.Output);
    }

    [Fact]
    public async Task Secret_stringData_is_stored_as_base64_data_on_every_write()
    {
        var ns = await fixture.NewNamespaceAsync();
        var manifest = Path.Combine(Path.GetTempPath(), $"secret-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(manifest, $"apiVersion: v1\nkind: Secret\nmetadata: {{name: s, namespace: {ns}}}\nstringData: {{url: https://one}}\n");
        (await _kubectl.RunAsync("apply", "--server-side", "-f", manifest)).Succeeded();
        File.WriteAllText(manifest, $"apiVersion: v1\nkind: Secret\nmetadata: {{name: s, namespace: {ns}}}\nstringData: {{url: https://two}}\n");
        (await _kubectl.RunAsync("apply", "-f", manifest)).Succeeded();
        File.Delete(manifest);

        var json = (await _kubectl.RunAsync("get", "secret", "s", "-n", ns, "-o", "json")).Succeeded().Output;
        var secret = JsonDocument.Parse(json).RootElement;
        Assert.False(secret.TryGetProperty("stringData", out _));
        Assert.Equal("https://two", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret.GetProperty("data").GetProperty("url").GetString()!)));
    }

    [Fact]
    public async Task Create_in_a_missing_namespace_is_not_found()
    {
        var result = await _kubectl.RunAsync("create", "configmap", "x", "-n", "no-such-namespace", "--from-literal=a=b");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("namespaces \"no-such-namespace\" not found", result.Error);
    }

    [Fact]
    public async Task Label_then_select_with_set_based_selectors_as_json_list()
    {
        var ns = await fixture.NewNamespaceAsync();
        foreach (var (name, tier) in new[] { ("a", "web"), ("b", "db"), ("c", "cache") })
        {
            (await _kubectl.RunAsync("create", "configmap", name, "-n", ns)).Succeeded();
            (await _kubectl.RunAsync("label", "configmap", name, "-n", ns, $"tier={tier}", "team=x")).Succeeded();
        }

        var result = (await _kubectl.RunAsync("get", "configmaps", "-n", ns, "-l", "tier in (web,db),team,tier!=cache", "-o", "json")).Succeeded();

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("List", json.RootElement.GetProperty("kind").GetString());
        var names = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(["a", "b"], names);
    }

    [Fact]
    public async Task Patch_merge_json_and_strategic()
    {
        var ns = await fixture.NewNamespaceAsync();
        (await _kubectl.RunAsync("create", "configmap", "p", "-n", ns, "--from-literal=a=1")).Succeeded();
        (await _kubectl.RunWithInputAsync(Manifests.Deployment("web", ns, "nginx:1.25"), "apply", "-f", "-")).Succeeded();

        (await _kubectl.RunAsync("patch", "configmap", "p", "-n", ns, "--type", "merge", "-p", """{"data":{"b":"2","a":null}}""")).Succeeded();
        (await _kubectl.RunAsync("patch", "configmap", "p", "-n", ns, "--type", "json", "-p", """[{"op":"add","path":"/data/c","value":"3"}]""")).Succeeded();
        (await _kubectl.RunAsync("patch", "deployment", "web", "-n", ns, "--type", "strategic", "-p",
            """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"},{"name":"web","image":"nginx:1.26"}]}}}}""")).Succeeded();

        var data = (await _kubectl.RunAsync("get", "configmap", "p", "-n", ns, "-o", "jsonpath={.data}")).Succeeded();
        var containers = (await _kubectl.RunAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={range .spec.template.spec.containers[*]}{.name}={.image} {end}")).Succeeded();
        Assert.Equal("""{"b":"2","c":"3"}""", data.Output);
        Assert.Equal("web=nginx:1.26 sidecar=busybox", containers.Output.Trim());
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_conflicts()
    {
        var ns = await fixture.NewNamespaceAsync();
        (await _kubectl.RunAsync("create", "configmap", "c", "-n", ns, "--from-literal=a=1")).Succeeded();
        var stale = (await _kubectl.RunAsync("get", "configmap", "c", "-n", ns, "-o", "json")).Succeeded().Output;
        (await _kubectl.RunAsync("label", "configmap", "c", "-n", ns, "changed=yes")).Succeeded();

        var result = await _kubectl.RunWithInputAsync(stale, "replace", "-f", "-");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Conflict", result.Error);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", result.Error);
    }

    [Fact]
    public async Task Delete_removes_the_object_and_a_namespace_takes_its_objects()
    {
        var ns = await fixture.NewNamespaceAsync();
        (await _kubectl.RunAsync("create", "configmap", "gone", "-n", ns)).Succeeded();
        (await _kubectl.RunAsync("create", "configmap", "stays", "-n", ns)).Succeeded();

        var deleted = (await _kubectl.RunAsync("delete", "configmap", "gone", "-n", ns)).Succeeded();
        var get = await _kubectl.RunAsync("get", "configmap", "gone", "-n", ns);
        (await _kubectl.RunAsync("delete", "namespace", ns)).Succeeded();
        var afterNamespace = await _kubectl.RunAsync("get", "configmap", "stays", "-n", ns);

        Assert.Contains("configmap \"gone\" deleted", deleted.Output);
        Assert.Contains("configmaps \"gone\" not found", get.Error);
        Assert.Contains("not found", afterNamespace.Error);
    }

    [Fact]
    public async Task Invalid_names_are_rejected_with_422()
    {
        var ns = await fixture.NewNamespaceAsync();

        var result = await _kubectl.RunWithInputAsync($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n  namespace: {ns}\n", "create", "-f", "-");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain", result.Error);
    }

    [Fact]
    public async Task Delete_of_a_namespace_and_its_objects_from_one_file_succeeds()
    {
        const string ns = "deleted-with-contents";
        var manifest = $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n---\n" + Manifests.ConfigMap("inside", ns, "k", "v");
        (await _kubectl.RunWithInputAsync(manifest, "apply", "-f", "-")).Succeeded();

        var deleted = (await _kubectl.RunWithInputAsync(manifest, "delete", "-f", "-")).Succeeded();

        Assert.Contains($"namespace \"{ns}\" deleted", deleted.Output);
        Assert.Contains("configmap \"inside\" deleted", deleted.Output);
        Assert.Contains("not found", (await _kubectl.RunAsync("get", "namespace", ns)).Error);
    }

    [Fact]
    public async Task Scale_through_the_scale_subresource_and_auth_can_i()
    {
        var ns = await fixture.NewNamespaceAsync();
        (await _kubectl.RunWithInputAsync(Manifests.Deployment("scaled", ns, "nginx:1"), "apply", "-f", "-")).Succeeded();

        (await _kubectl.RunAsync("scale", "deployment", "scaled", "-n", ns, "--replicas=4")).Succeeded();
        (await _kubectl.RunAsync("rollout", "status", "deployment/scaled", "-n", ns, "--timeout=20s")).Succeeded();
        var replicas = (await _kubectl.RunAsync("get", "deployment", "scaled", "-n", ns, "-o", "jsonpath={.spec.replicas}/{.status.readyReplicas}")).Succeeded();
        var canI = (await _kubectl.RunAsync("auth", "can-i", "delete", "deployments", "-n", ns)).Succeeded();

        Assert.Equal("4/4", replicas.Output);
        Assert.Equal("yes", canI.Output.Trim());
    }
}
