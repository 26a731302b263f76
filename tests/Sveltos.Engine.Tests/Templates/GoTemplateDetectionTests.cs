using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Tests.Templates;

public class GoTemplateDetectionTests
{
    private static TemplateException CompileFails(string text) =>
        Assert.Throws<TemplateException>(() => new TemplateRenderer().Compile(text, "fleet/web ConfigMap fleet/web key 'app.yaml'"));

    [Theory]
    [InlineData("name: {{ .Cluster.metadata.name }}", "the Go field access '.Cluster'", "{{ cluster.metadata.name }}")]
    [InlineData("url: {{ (getResource \"Bucket\").status.atProvider.url }}", "the Go template function 'getResource'", "{{ (get_resource \"Bucket\").status.atProvider.url }}")]
    [InlineData("region: {{ default \"west\" .Cluster.metadata.labels.region }}", "the Go field access '.Cluster'", "{{ cluster.metadata.labels.region ?? \"west\" }}")]
    [InlineData("env: {{ index .Cluster.metadata.labels \"env\" }}", "the Go field access '.Cluster'", "{{ cluster.metadata.labels[\"env\"] }}")]
    [InlineData("{{- range $key, $value := .Cluster.metadata.labels }}\n{{ $key }}: {{ $value }}\n{{- end }}", "the Go template action 'range'", "{{- for value in cluster.metadata.labels }}")]
    [InlineData("{{ $name := .Cluster.metadata.name }}", "the Go variable declaration ':='", "{{ name = cluster.metadata.name }}")]
    [InlineData("{{/* per-cluster settings */}}", "a Go template comment", "{{# per-cluster settings }}")]
    [InlineData("{{ copy \"ExternalSecret\" | toYaml | nindent 2 }}", "the Go template function 'toYaml'", "{{ copy \"ExternalSecret\" | to_yaml | nindent 2 }}")]
    [InlineData("data: {{ .MgmtResources.Bucket.status.url | b64enc }}", "the Go field access '.MgmtResources'", "{{ resources.Bucket.status.url | string.base64_encode }}")]
    [InlineData("{{ $cluster := getResource \"Cluster\" }}{{ setField $cluster \"metadata.name\" \"x\" }}", "the Go variable declaration ':='", "{{ cluster = get_resource \"Cluster\" }}")]
    public void Go_template_content_names_the_construct_and_the_scriban_equivalent(string text, string construct, string suggestion)
    {
        var error = CompileFails(text);
        Assert.Equal(TemplateErrorIds.GoTemplateNotSupported, error.ErrorId);
        Assert.Equal(ErrorKind.NotImplemented, error.Kind);
        Assert.Contains(construct, error.Message);
        Assert.Contains($"Write '{suggestion}'", error.Message);
        Assert.Contains("templates here are Scriban", error.Message);
    }

    [Fact]
    public void The_position_is_that_of_the_go_construct()
    {
        var error = CompileFails("apiVersion: v1\nkind: ConfigMap\ndata:\n  name: {{ .Cluster.metadata.name }}\n");
        Assert.Equal((4, 12), (error.Line, error.Column));
        Assert.StartsWith("fleet/web ConfigMap fleet/web key 'app.yaml' (4,12): the Go field access '.Cluster'", error.Message);
    }

    [Theory]
    [InlineData("{{- cluster.metadata.name -}}")]
    [InlineData("{{~ cluster.metadata.name ~}}")]
    [InlineData("{{ for i in 1..3 }}{{ i }}{{ end }}")]
    [InlineData("{{ for i in 1..<3 }}{{ i }}{{ end }}")]
    [InlineData("{{ \"see .Cluster.metadata.name and getResource\" }}")]
    [InlineData("{{ 'single .Cluster' }}{{ `verbatim .Cluster := x` }}")]
    [InlineData("{{ # a comment about .Cluster and range\n cluster_name }}")]
    [InlineData("{{ ## a block comment\n with .Cluster := ## cluster_name }}")]
    [InlineData("{%{ {{ .Cluster.metadata.name }} }%} and {%%{ {{ $x := 1 }} }%%}")]
    [InlineData("{{ cluster.metadata.labels | object.keys | array.join \",\" }}")]
    [InlineData("{{ x = { \"a.b\": 1 }; x[\"a.b\"] }}")]
    [InlineData("{{ func double(n); ret n * 2; end; double 2 }}")]
    [InlineData("{{ with cluster.metadata }}{{ name }}{{ end }}")]
    [InlineData("{{ if cluster.spec.replicas > 2 && cluster_name != \"x\" }}big{{ else if true }}small{{ end }}")]
    [InlineData("{{ cluster.metadata.labels.region ?? \"west\" | string.upcase }}")]
    [InlineData("{{ case cluster_name }}{{ when \"a\", \"b\" }}ab{{ else }}other{{ end }}")]
    [InlineData("{{ capture x }}text{{ end }}{{ x | string.size }}")]
    [InlineData("value: {{ 1.5 }} {{ -0.5 }} {{ 3 // 2 }} {{ 10 % 3 }}")]
    [InlineData("{{ (get_resource \"Bucket\").status.atProvider.url }}")]
    [InlineData("{{ default (cluster.metadata.labels.region) \"west\" }}")]
    public void Valid_scriban_is_never_taken_for_a_go_template(string text)
    {
        var template = new TemplateRenderer().Compile(text, "t");
        Assert.Equal("t", template.SourceName);
    }
}
