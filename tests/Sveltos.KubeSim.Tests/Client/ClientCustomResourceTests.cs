using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Client;

public sealed class ClientCustomResourceTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    [Fact]
    public async Task A_crd_serves_its_resource_until_it_is_deleted()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var client = fixture.Client();
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(Manifests.CustomResourceDefinition("generic.example.com", "Thing", "things"));
        var createdCrd = await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);

        var thing = new Dictionary<string, object>
        {
            ["apiVersion"] = "generic.example.com/v1", ["kind"] = "Thing",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "t1", ["labels"] = new Dictionary<string, string> { ["k"] = "v" } },
            ["spec"] = new Dictionary<string, object> { ["size"] = 1 },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(thing, "generic.example.com", "v1", ns, "things");
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"spec":{"size":2}}""", V1Patch.PatchType.MergePatch), "generic.example.com", "v1", ns, "things", "t1");
        var listed = (JsonElement)await client.CustomObjects.ListNamespacedCustomObjectAsync("generic.example.com", "v1", ns, "things", labelSelector: "k=v");
        var generic = new GenericClient(client, "generic.example.com", "v1", "things", disposeClient: false);
        var typed = await generic.ReadNamespacedAsync<CustomThing>(ns, "t1");
        await client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("things.generic.example.com");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.ListNamespacedCustomObjectAsync("generic.example.com", "v1", ns, "things"));

        Assert.Contains(createdCrd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Equal("ThingList", listed.GetProperty("kind").GetString());
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(2, item.GetProperty("spec").GetProperty("size").GetInt32());
        Assert.Equal(2, typed.Metadata.Generation);
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Cluster_scoped_custom_resources_and_discovery()
    {
        using var client = fixture.Client();
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(
            Manifests.CustomResourceDefinition("cluster.example.com", "Zone", "zones").Replace("scope: Namespaced", "scope: Cluster", StringComparison.Ordinal));
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);

        await client.CustomObjects.CreateClusterCustomObjectAsync(
            new Dictionary<string, object> { ["apiVersion"] = "cluster.example.com/v1", ["kind"] = "Zone", ["metadata"] = new Dictionary<string, object> { ["name"] = "eu" } },
            "cluster.example.com", "v1", "zones");
        var groups = await client.Apis.GetAPIVersionsAsync();
        var resources = await client.CustomObjects.GetAPIResourcesAsync("cluster.example.com", "v1");

        Assert.Contains(groups.Groups, g => g.Name == "cluster.example.com");
        Assert.NotNull(await client.CustomObjects.GetClusterCustomObjectAsync("cluster.example.com", "v1", "zones", "eu"));
        Assert.Contains(resources.Resources, r => r.Name == "zones" && !r.Namespaced && r.Kind == "Zone");
    }

    private sealed class CustomThing : IKubernetesObject<V1ObjectMeta>
    {
        public string ApiVersion { get; set; } = "";

        public string Kind { get; set; } = "";

        public V1ObjectMeta Metadata { get; set; } = new();
    }
}
