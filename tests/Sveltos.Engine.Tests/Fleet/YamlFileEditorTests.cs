using Sveltos.Engine.Fleet.Directory;

namespace Sveltos.Engine.Tests.Fleet;

public sealed class YamlFileEditorTests
{
    private const string File = """
        # clusters of team a
        apiVersion: lib.projectsveltos.io/v1beta1
        kind: SveltosCluster
        metadata:
          name: one   # the first
          labels:
            env: dev
            # a comment inside labels
            zone: a
          annotations:
            note: keep
        spec: {}
        ---
        apiVersion: lib.projectsveltos.io/v1beta1
        kind: SveltosCluster
        metadata:
            name: two
        spec:
          paused: true

        """;

    [Fact]
    public void Replacing_labels_keeps_comments_and_other_documents()
    {
        var edited = YamlFileEditor.SetMetadataMap(File, 0, "labels", new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "1" });

        Assert.Equal(File.Replace("""
              labels:
                env: dev
                # a comment inside labels
                zone: a
            """, """
              labels:
                env: prod
                tier: "1"
            """), edited);
    }

    [Fact]
    public void Labels_are_added_at_the_documents_own_indentation_when_missing()
    {
        var edited = YamlFileEditor.SetMetadataMap(File, 1, "labels", new Dictionary<string, string> { ["env"] = "prod" });

        Assert.Contains("metadata:\n    labels:\n      env: prod\n    name: two\n", edited);
        Assert.StartsWith("# clusters of team a\n", edited);
    }

    [Fact]
    public void Removing_every_label_leaves_an_empty_map()
    {
        var edited = YamlFileEditor.SetMetadataMap(File, 0, "labels", new Dictionary<string, string>());

        Assert.Contains("  labels: {}\n  annotations:\n    note: keep\n", edited);
    }

    [Fact]
    public void Removing_a_document_keeps_the_others()
    {
        var first = YamlFileEditor.RemoveDocument(File, 0);
        var second = YamlFileEditor.RemoveDocument(File, 1);

        Assert.DoesNotContain("name: one", first);
        Assert.Contains("name: two", first);
        Assert.Contains("name: one", second);
        Assert.DoesNotContain("name: two", second);
        Assert.DoesNotContain("---", second);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("true", "\"true\"")]
    [InlineData("123", "\"123\"")]
    [InlineData("", "\"\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    public void Scalars_read_back_as_the_same_string(string value, string expected) => Assert.Equal(expected, YamlFileEditor.Scalar(value));
}
