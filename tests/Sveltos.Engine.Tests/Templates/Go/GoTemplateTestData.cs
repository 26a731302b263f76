using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Tests.Templates.Go;

internal static class GoTemplateTestData
{
    public static readonly JsonObject Values = JsonNode.Parse("""
        {
          "name": "web", "replicas": 3, "ratio": 0.5, "big": 1000000.0, "enabled": true, "off": false, "empty": "", "none": null,
          "labels": {"env": "prod", "region": "west", "app": "web"},
          "list": ["a", "b", "c"], "numbers": [3, 1, 2], "nested": {"a": {"b": {"c": "deep"}}}
        }
        """)!.AsObject();

    public static string Render(string text, object? data = null, GoTemplateOptions? options = null, TemplateLimits? limits = null) =>
        new GoTemplateRenderer(limits, options ?? GoTemplateOptions.Helm).Compile(text, "t").Render(data ?? Values);

    public static TemplateException Fails(string text, object? data = null, GoTemplateOptions? options = null, TemplateLimits? limits = null) =>
        Assert.Throws<TemplateException>(() => Render(text, data, options, limits));

    public static TemplateData Cluster()
    {
        var cluster = JsonNode.Parse("""
            {"apiVersion":"lib.projectsveltos.io/v1beta1","kind":"SveltosCluster",
             "metadata":{"name":"prod-1","namespace":"fleet","labels":{"env":"prod","region":"west"}},
             "spec":{"kubernetesVersion":"v1.30.2"}}
            """)!.AsObject();
        var bucket = JsonNode.Parse("""
            {"apiVersion":"storage.gcp.upbound.io/v1beta1","kind":"Bucket",
             "metadata":{"name":"prod-1-bucket","uid":"u-1","resourceVersion":"7","labels":{"team":"a"}},
             "spec":{"forProvider":{"location":"EU"}},
             "status":{"atProvider":{"url":"gs://prod-1-bucket"}}}
            """)!.AsObject();
        return new TemplateData(cluster, "v1.30.2", new Dictionary<string, JsonObject> { ["Bucket"] = bucket });
    }
}
