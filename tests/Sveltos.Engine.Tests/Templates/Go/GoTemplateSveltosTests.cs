using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;
using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

public class GoTemplateSveltosTests
{
    private static string RenderCluster(string text) => new GoTemplateRenderer().Compile(text, "t").Render(Cluster());

    [Theory]
    [InlineData("{{ .Cluster.metadata.name }}", "prod-1")]
    [InlineData("{{ (getResource \"Bucket\").status.atProvider.url }}", "gs://prod-1-bucket")]
    [InlineData("{{ .MgmtResources.Bucket.spec.forProvider.location }}", "EU")]
    [InlineData("{{ default \"east\" (index .Cluster.metadata.labels \"zone\") }}", "east")]
    [InlineData("{{ index .Cluster.metadata.labels \"env\" }}", "prod")]
    [InlineData("{{ getField \"Bucket\" \"spec.forProvider.location\" }}", "EU")]
    [InlineData("{{ $b := getResource \"Bucket\" }}{{ getField $b \"metadata.name\" }}", "prod-1-bucket")]
    [InlineData("{{ copy \"Bucket\" | fromYaml | toJson | fromJson | getField \"metadata.labels.team\" }}", "")]
    public void SveltosDataAndFunctions(string text, string expected)
    {
        if (expected.Length == 0)
        {
            Assert.Throws<TemplateException>(() => RenderCluster(text));
            return;
        }

        Assert.Equal(expected, RenderCluster(text));
    }

    [Fact]
    public void CopyLeavesOutTheFieldsTheApiServerOwns()
    {
        var yaml = RenderCluster("{{ copy \"Bucket\" }}");
        Assert.Contains("name: prod-1-bucket", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("resourceVersion", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("uid", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void SetFieldAndRemoveFieldReturnTheChangedResourceAsYaml()
    {
        var set = RenderCluster("{{ setField \"Bucket\" \"spec.forProvider.location\" \"US\" }}");
        Assert.Contains("location: US", set, StringComparison.Ordinal);
        var removed = RenderCluster("{{ removeField \"Bucket\" \"status\" }}");
        Assert.DoesNotContain("atProvider", removed, StringComparison.Ordinal);
        Assert.Equal("EU", RenderCluster("{{ $_ := setField \"Bucket\" \"spec.forProvider.location\" \"US\" }}{{ (getResource \"Bucket\").spec.forProvider.location }}"));
    }

    [Fact]
    public void ChainedFieldFunctionsBuildAnObject()
    {
        var yaml = RenderCluster("""
            {{- $b := getResource "Bucket" }}
            {{- $b = chainSetField $b "spec.replicas" (int64 5) }}
            {{- $b = chainSetField $b "metadata.namespace" .Cluster.metadata.namespace }}
            {{- $b = chainRemoveField $b "status" }}
            {{- toYaml $b }}
            """);
        Assert.Contains("replicas: 5", yaml, StringComparison.Ordinal);
        Assert.Contains("namespace: fleet", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("status", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownResourceIdentifierIsAMissingKey()
    {
        var e = Assert.Throws<TemplateException>(() => RenderCluster("{{ getResource \"Nope\" }}"));
        Assert.Equal(TemplateErrorIds.MissingKey, e.ErrorId);
        Assert.Contains("fetched: Bucket", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingExpressionIsCutInTheMessageAsGoCutsItAndKeptWholeForTheEngine()
    {
        var e = Assert.Throws<TemplateException>(() => RenderCluster("{{ .MgmtResources.Bucket.status.atProvider.region }}"));
        Assert.Contains("at <.MgmtResources.Bucke...>: map has no entry for key \"region\"", e.Message, StringComparison.Ordinal);
        Assert.Equal(".MgmtResources.Bucket.status.atProvider.region", e.Expression);
    }

    [Fact]
    public void MissingClusterDataIsAnErrorAsInSveltos()
    {
        var e = Assert.Throws<TemplateException>(() => RenderCluster("{{ .Cluster.metadata.labels.zone }}"));
        Assert.Equal(TemplateErrorIds.MissingKey, e.ErrorId);
    }

    [Fact]
    public void ADocumentationStyleProfileRenders()
    {
        var text = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Cluster.metadata.name }}-info
              namespace: {{ .Cluster.metadata.namespace | default "default" }}
            data:
              region: {{ .Cluster.metadata.labels.region | quote }}
              bucket: {{ (getResource "Bucket").status.atProvider.url }}
              {{- range $k, $v := .Cluster.metadata.labels }}
              label-{{ $k }}: {{ $v | upper | quote }}
              {{- end }}
            """;
        var expected = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prod-1-info
              namespace: fleet
            data:
              region: "west"
              bucket: gs://prod-1-bucket
              label-env: "PROD"
              label-region: "WEST"
            """;
        Assert.Equal(expected, RenderCluster(text));
    }

    [Fact]
    public void OneCompiledTemplateRendersConcurrently()
    {
        var template = new GoTemplateRenderer().Compile("{{ range $k, $v := .Values }}{{ $k }}={{ $v }};{{ end }}{{ $x := .n }}{{ $x }}", "t");
        var results = Enumerable.Range(0, 400).AsParallel().WithDegreeOfParallelism(8).Select(i =>
        {
            var data = new JsonObject { ["n"] = i, ["Values"] = new JsonObject { ["a"] = i, ["b"] = i * 2 } };
            return (i, template.Render((object?)data));
        }).ToList();
        Assert.All(results, r => Assert.Equal($"a={r.i};b={r.i * 2};{r.i}", r.Item2));
    }
}
