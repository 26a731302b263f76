using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Tests.Templates;

/// <summary>Clusters and fetched resources as the fleet would hand them to the renderer.</summary>
internal static class TemplateTestData
{
    public static JsonObject Cluster(string name = "prod-1", string ns = "fleet", string? region = "eu-west", string env = "prod")
    {
        var labels = new JsonObject { ["env"] = env, ["app.kubernetes.io/name"] = "web", ["sveltos-agent"] = "present" };
        if (region is not null)
        {
            labels["region"] = region;
        }

        return new JsonObject
        {
            ["apiVersion"] = "lib.projectsveltos.io/v1beta1",
            ["kind"] = "SveltosCluster",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = labels,
                ["annotations"] = new JsonObject { ["team/owner"] = "platform" },
            },
            ["spec"] = new JsonObject { ["kubeconfigName"] = name + "-sveltos-kubeconfig", ["replicas"] = 3, ["ratio"] = 0.25 },
            ["status"] = new JsonObject { ["ready"] = true, ["version"] = "v1.30.2" },
        };
    }

    public static JsonObject Bucket(string cluster = "prod-1", string? url = "https://buckets.example.com/prod-1") =>
        (JsonObject)JsonNode.Parse($$"""
        {
          "apiVersion": "storage.example.com/v1",
          "kind": "Bucket",
          "metadata": {
            "name": "{{cluster}}-bucket",
            "namespace": "fleet",
            "uid": "5d0c8a4e-0000-4000-8000-000000000001",
            "resourceVersion": "4711",
            "creationTimestamp": "2025-01-01T00:00:00Z",
            "managedFields": [ { "manager": "crossplane", "operation": "Apply" } ],
            "labels": { "cluster": "{{cluster}}" }
          },
          "spec": { "region": "eu-west", "versioning": true },
          "status": { "atProvider": { "url": {{(url is null ? "null" : $"\"{url}\"")}} } }
        }
        """)!;

    public static TemplateData Data(JsonObject? cluster = null, string? version = "v1.30.2", Dictionary<string, JsonObject>? resources = null) =>
        new(cluster ?? Cluster(), version, resources ?? new Dictionary<string, JsonObject> { ["Bucket"] = Bucket() });

    public static string Render(string text, TemplateData? data = null, TemplateLimits? limits = null) =>
        new TemplateRenderer(limits).Compile(text, "fleet/web ConfigMap fleet/web key 'app.yaml'").Render(data ?? Data());

    public static TemplateException RenderFails(string text, TemplateData? data = null, TemplateLimits? limits = null) =>
        Assert.Throws<TemplateException>(() => Render(text, data, limits));
}
