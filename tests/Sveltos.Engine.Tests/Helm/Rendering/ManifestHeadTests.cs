using Sveltos.Engine.Helm.Rendering;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class ManifestHeadTests
{
    [Fact]
    public void Kind_name_namespace_and_annotations_are_read()
    {
        var head = ManifestHead.Parse("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\n  annotations:\n    a: \"1\"\n    b: ~\n");

        Assert.Equal(("apps/v1", "Deployment", "web", "prod"), (head.ApiVersion, head.Kind, head.Name, head.Namespace));
        Assert.Equal("1", head.Annotations!["a"]);
        Assert.Equal("", head.Annotations["b"]);
        Assert.Equal("web", ManifestHead.ToObject("metadata:\n  name: web")!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_key_given_twice_is_accepted_with_its_last_value_as_sigs_yaml_reads_it()
    {
        const string Document = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n  name: second\ndata:\n  a: \"1\"\n  a: \"2\"\n";

        Assert.Equal("second", ManifestHead.Parse(Document).Name);
        Assert.Equal("2", ManifestHead.ToObject(Document)!["data"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public void A_comment_only_document_has_an_empty_head()
    {
        var head = ManifestHead.Parse("# just a comment");

        Assert.Equal(("", ""), (head.Kind, head.Name));
        Assert.Null(ManifestHead.ToObject("# just a comment"));
    }

    [Fact]
    public void Field_names_match_case_insensitively_as_Go_json_does()
    {
        Assert.Equal("Pod", ManifestHead.Parse("KIND: Pod").Kind);
    }

    [Theory]
    [InlineData("kind: [a]", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field SimpleHead.kind of type string")]
    [InlineData("metadata:\n  annotations:\n    helm.sh/hook-weight: 5", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field .metadata.annotations of type string")]
    [InlineData("metadata:\n  annotations:\n    x:\n      y: z", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field .metadata.annotations of type string")]
    [InlineData("metadata:\n  name: true", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal bool into Go struct field .metadata.name of type string")]
    [InlineData("just text", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type releaseutil.SimpleHead")]
    public void Wrongly_typed_fields_fail_with_Go_json_words(string document, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => ManifestHead.Parse(document)).Message);
    }

    [Fact]
    public void A_line_that_is_not_a_key_is_reported_as_go_yaml_reports_it()
    {
        var error = Assert.Throws<FormatException>(() => ManifestHead.Parse("apiVersion: v1\nkind: Pod\nspec:\n  a: b\ninvalid"));

        Assert.Equal("error converting YAML to JSON: yaml: line 6: could not find expected ':'", error.Message);
    }

    [Fact]
    public void YAML_that_does_not_parse_names_the_line()
    {
        var error = Assert.Throws<FormatException>(() => ManifestHead.Parse("kind: Pod\nmetadata:\n  name: a\n bad: [\n"));

        Assert.StartsWith("error converting YAML to JSON: yaml: line ", error.Message);
    }
}
