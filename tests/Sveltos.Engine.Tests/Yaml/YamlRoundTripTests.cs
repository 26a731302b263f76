using System.Text.Json.Nodes;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Tests.Yaml;

public class YamlRoundTripTests
{
    private static string Export(string yaml) =>
        YamlDocumentWriter.Write(YamlDocumentReader.Read(yaml).Where(d => !d.IsEmpty).Select(d => d.Root!));

    private static JsonNode? Data(string yaml) => JsonTreeConverter.ToJson(YamlDocumentReader.Read(yaml)[0].Root!);

    [Theory]
    [InlineData("a: 1\nb: '1'\nc: \"true\"\nd: yes\ne: 'yes'\nf: 1.0\ng: ~\nh:\ni: 0x1F\nj: '0x1F'\nk: v1.2.3\nl: '1.2.3'\n")]
    [InlineData("values: |\n  replicaCount: 2\n  image:\n    tag: \"1.0\"\nother: >\n  folded\n  text\n")]
    [InlineData("keep: |+\n  a\n\n\nnext: x\nstrip: |-\n  a\n  b\n")]
    [InlineData("list: [a, 'b', \"c\", 1, true]\nmap: {x: 1, 'y': two}\nempty: []\nnone: {}\n")]
    [InlineData("'quoted key': 1\n\"123\": numeric key\n? plain\n: complex form\n")]
    [InlineData("s: 'it''s'\nt: \"tab\\there\"\nu: \"line\\nbreak\"\nv: \"trailing \\nspace \"\nw: ' lead'\n")]
    [InlineData("base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\n")]
    [InlineData("{\"apiVersion\": \"v1\", \"n\": 1.5, \"arr\": [1, \"2\", null, false], \"o\": {\"k\": \"v\"}}")]
    [InlineData("text: \"# not a comment\"\ncolon: \"a: b\"\ndash: \"- x\"\nstar: \"*x\"\nat: \"@x\"\nempty: \"\"\nbang: \"!x\"\n")]
    [InlineData("unicode: \"h\u00e9llo \u2603\"\nlong: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbb\n")]
    public void Export_keeps_the_data_and_is_stable(string yaml)
    {
        var first = Export(yaml);
        var second = Export(first);

        Assert.Equal(first, second);
        Assert.True(JsonNode.DeepEquals(Data(yaml), Data(first)), $"data changed:\n{yaml}\n---\n{first}");
        Assert.Equal(Data(yaml)!.ToJsonString(), Data(first)!.ToJsonString());
    }

    [Fact]
    public void Strings_that_would_change_type_stay_quoted()
    {
        var exported = Export("a: 'true'\nb: 'yes'\nc: '1'\nd: 'null'\ne: ''\nf: '1e3'\ng: 'on'\n");

        Assert.Equal("a: 'true'\nb: 'yes'\nc: '1'\nd: 'null'\ne: ''\nf: '1e3'\ng: 'on'\n", exported);
    }

    [Fact]
    public void Multi_line_strings_become_literal_blocks_and_lists_are_indented()
    {
        var exported = Export("values: \"a: 1\\nb: 2\\n\"\nitems:\n- x\n- y\n");

        Assert.Equal("values: |\n  a: 1\n  b: 2\nitems:\n  - x\n  - y\n", exported);
    }

    [Fact]
    public void Several_documents_are_separated()
    {
        Assert.Equal("a: 1\n---\nb: 2\n", Export("a: 1\n---\n---\nb: 2\n"));
    }

    [Theory]
    [InlineData("a: 1", 1L)]
    [InlineData("a: 1_000", 1000L)]
    [InlineData("a: 0o17", 15L)]
    [InlineData("a: 017", 15L)]
    [InlineData("a: -0x10", -16L)]
    [InlineData("a: 1.5", 1.5)]
    [InlineData("a: .5", 0.5)]
    [InlineData("a: 1e3", 1000.0)]
    [InlineData("a: yes", true)]
    [InlineData("a: Off", false)]
    [InlineData("a: 1.2.3", "1.2.3")]
    [InlineData("a: 08", 8.0)]
    [InlineData("a: +", "+")]
    public void Plain_scalars_resolve_like_kubectl(string yaml, object expected)
    {
        var value = ((YamlScalar)((YamlMapping)YamlDocumentReader.Read(yaml)[0].Root!).Get("a")!).Value;

        Assert.Equal(expected, value);
    }

    [Fact]
    public void Duplicate_keys_fail_only_their_document()
    {
        var documents = YamlDocumentReader.Read("a: 1\n---\nb: 1\nb: 2\n---\nc: 3\n");

        Assert.Equal(3, documents.Count);
        Assert.Null(documents[0].Error);
        Assert.Equal(new YamlSyntaxError("duplicate key 'b'", 4, 1), documents[1].Error);
        Assert.Null(documents[2].Error);
    }

    [Fact]
    public void A_syntax_error_ends_the_stream_after_the_good_documents()
    {
        var documents = YamlDocumentReader.Read("a: 1\n---\nb: [1, 2\nc: 3\n");

        Assert.Equal(2, documents.Count);
        Assert.Null(documents[0].Error);
        Assert.Equal(1, documents[1].Index);
        Assert.NotNull(documents[1].Error);
        Assert.DoesNotContain("Idx:", documents[1].Error!.Message);
    }
}
