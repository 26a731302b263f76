using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

public class TemplateConversionFunctionTests
{
    private const string NestedYaml = """
        name: web
        replicas: 3
        ratio: 0.5
        enabled: true
        nothing: null
        ports:
          - name: http
            port: 80
          - name: https
            port: 443
        script: |
          #!/bin/sh
          echo "hello"
        quoted: 'yes'
        empty: {}
        """;

    [Fact]
    public void Yaml_round_trips_nested_objects_lists_and_multiline_strings()
    {
        Assert.Equal(NestedYaml, Render("{{ cluster.metadata.annotations.text | from_yaml | to_yaml }}", WithText(NestedYaml)));
    }

    [Fact]
    public void From_yaml_values_are_navigable()
    {
        Assert.Equal("443 true 2", Render("{{ y = cluster.metadata.annotations.text | from_yaml }}{{ y.ports[1].port }} {{ y.enabled }} {{ y.ports.size }}", WithText(NestedYaml)));
    }

    [Fact]
    public void From_yaml_array_reads_a_list()
    {
        Assert.Equal("a,b,c", Render("{{ \"- a\\n- b\\n- c\" | from_yaml_array | array.join \",\" }}"));
    }

    [Fact]
    public void From_yaml_of_a_list_and_from_yaml_array_of_a_mapping_say_which_to_use()
    {
        Assert.Contains("use from_yaml_array", RenderFails("{{ \"- a\" | from_yaml }}").Message);
        Assert.Contains("reads a list", RenderFails("{{ \"a: 1\" | from_yaml_array }}").Message);
    }

    [Fact]
    public void Invalid_yaml_is_a_function_error_with_the_yaml_position()
    {
        var error = RenderFails("{{ \"a: [1, 2\" | from_yaml }}");
        Assert.Equal(TemplateErrorIds.FunctionError, error.ErrorId);
        Assert.Contains("invalid YAML at line 2, column 1: while parsing a flow sequence", error.Message);
        Assert.StartsWith("fleet/web ConfigMap fleet/web key 'app.yaml' (1,", error.Message);
    }

    [Fact]
    public void To_yaml_of_an_object_embeds_under_a_key_with_nindent()
    {
        Assert.Equal(
            "spec:\n  kubeconfigName: prod-1-sveltos-kubeconfig\n  replicas: 3\n  ratio: 0.25",
            Render("spec:{{ cluster.spec | to_yaml | nindent 2 }}"));
    }

    [Fact]
    public void To_yaml_quotes_strings_that_would_read_back_as_other_types()
    {
        Assert.Equal("a: 'true'\nb: '1.0'\nc: 'null'\nd: plain\ne: ''", Render("{{ { a: \"true\", b: \"1.0\", c: \"null\", d: \"plain\", e: \"\" } | to_yaml }}"));
    }

    [Fact]
    public void To_yaml_of_a_scalar_is_the_scalar()
    {
        Assert.Equal("eu-west|3|'007'", Render("{{ cluster.metadata.labels.region | to_yaml }}|{{ 3 | to_yaml }}|{{ \"007\" | to_yaml }}"));
    }

    [Fact]
    public void Json_round_trips_and_is_compact()
    {
        Assert.Equal(
            """{"name":"web","ports":[{"port":80},{"port":443}],"ok":true,"ratio":0.5,"none":null,"text":"ä <b> \"q\""}""",
            Render("{{ cluster.metadata.annotations.text | from_json | to_json }}", WithText("""{ "name": "web", "ports": [ {"port": 80}, {"port": 443} ], "ok": true, "ratio": 0.5, "none": null, "text": "ä <b> \"q\"" }""")));
    }

    [Fact]
    public void From_json_array_reads_a_list_and_from_json_needs_an_object()
    {
        Assert.Equal("2", Render("{{ (\"[1, 2]\" | from_json_array)[1] }}"));
        Assert.Equal(TemplateErrorIds.FunctionError, RenderFails("{{ \"[1, 2]\" | from_json }}").ErrorId);
        Assert.Equal(TemplateErrorIds.FunctionError, RenderFails("{{ \"{oops\" | from_json }}").ErrorId);
    }

    [Fact]
    public void Base64_and_sha256_match_known_vectors()
    {
        Assert.Equal(
            "aGVsbG8gd29ybGQ= hello world ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            Render("{{ \"hello world\" | string.base64_encode }} {{ \"aGVsbG8gd29ybGQ=\" | string.base64_decode }} {{ \"abc\" | string.sha256 }} {{ \"\" | string.sha256 }}"));
    }

    [Fact]
    public void Invalid_base64_is_a_function_error()
    {
        Assert.Equal(TemplateErrorIds.FunctionError, RenderFails("{{ \"!!!\" | string.base64_decode }}").ErrorId);
    }

    [Fact]
    public void Secret_data_is_built_with_base64_of_a_fetched_value()
    {
        Assert.Equal("url: aHR0cHM6Ly9idWNrZXRzLmV4YW1wbGUuY29tL3Byb2QtMQ==", Render("url: {{ resources.Bucket.status.atProvider.url | string.base64_encode }}"));
    }

    [Fact]
    public void Indent_pads_every_non_empty_line_and_nindent_starts_a_new_line()
    {
        Assert.Equal("    a\n\n    b|\n  x", Render("{{ \"a\\n\\nb\" | indent 4 }}|{{ \"x\" | nindent 2 }}"));
    }

    [Fact]
    public void Quote_and_squote_produce_valid_yaml_strings()
    {
        Assert.Equal("\"say \\\"hi\\\"\\n\" 'it''s' \"42\" \"\"", Render("{{ \"say \\\"hi\\\"\\n\" | quote }} {{ \"it's\" | squote }} {{ 42 | quote }} {{ null | quote }}"));
    }

    [Fact]
    public void Dict_builds_an_object_with_any_keys()
    {
        Assert.Equal("app.kubernetes.io/name: web\nreplicas: 2", Render("{{ dict \"app.kubernetes.io/name\" \"web\" \"replicas\" 2 | to_yaml }}"));
        Assert.Equal(TemplateErrorIds.FunctionError, RenderFails("{{ dict \"a\" }}").ErrorId);
    }

    [Fact]
    public void Scriban_list_helpers_cover_has_uniq_keys_and_values()
    {
        Assert.Equal(
            "true|a,b|app.kubernetes.io/name,env|web,prod",
            Render("{{ [\"a\", \"b\"] | array.contains \"b\" }}|{{ [\"a\", \"b\", \"a\"] | array.uniq | array.join \",\" }}|" +
                   "{{ x = { \"app.kubernetes.io/name\": \"web\", env: \"prod\" } }}{{ x | object.keys | array.join \",\" }}|{{ x | object.values | array.join \",\" }}"));
    }

    [Fact]
    public void Default_replaces_null_and_empty_strings_only()
    {
        Assert.Equal("d|d|0|false|x", Render("{{ null | default \"d\" }}|{{ \"\" | default \"d\" }}|{{ 0 | default \"d\" }}|{{ false | default \"d\" }}|{{ \"x\" | default \"d\" }}"));
    }

    [Fact]
    public void Writing_a_function_as_data_is_a_function_error()
    {
        Assert.Equal(TemplateErrorIds.FunctionError, RenderFails("{{ string | to_yaml }}").ErrorId);
    }

    /// <summary>The cluster with the text in an annotation, where templates read it from.</summary>
    private static TemplateData WithText(string text)
    {
        var cluster = Cluster();
        cluster["metadata"]!["annotations"]!["text"] = text;
        return Data(cluster);
    }
}
