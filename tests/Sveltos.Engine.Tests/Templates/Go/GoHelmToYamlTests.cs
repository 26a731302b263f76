using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>
/// Helm's toYaml is sigs.k8s.io/yaml.Marshal (JSON, then go-yaml v2); expected texts come from go-yaml v2's
/// encode tests (marshalTests, TestLineWrapping, TestSortedOutput) and encoding/json's number format.
/// </summary>
public class GoHelmToYamlTests
{
    private static string ToYaml(object? value) => Render("{{ toYaml .v }}", new Dictionary<string, object?> { ["v"] = value });

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    [Theory]
    [InlineData("true", "v: \"true\"")]
    [InlineData("false", "v: \"false\"")]
    [InlineData("yes", "v: \"yes\"")]
    [InlineData("off", "v: \"off\"")]
    [InlineData("10", "v: \"10\"")]
    [InlineData("1_000", "v: \"1_000\"")]
    [InlineData("0x1F", "v: \"0x1F\"")]
    [InlineData("1e3", "v: \"1e3\"")]
    [InlineData(".5", "v: \".5\"")]
    [InlineData("~", "v: \"~\"")]
    [InlineData("null", "v: \"null\"")]
    [InlineData("", "v: \"\"")]
    [InlineData("1:1", "v: \"1:1\"")]
    [InlineData("2015-02-24T18:19:39Z", "v: \"2015-02-24T18:19:39Z\"")]
    [InlineData("2024-03-05", "v: \"2024-03-05\"")]
    [InlineData("-", "v: '-'")]
    [InlineData("b: c", "v: 'b: c'")]
    [InlineData("Hello #comment", "v: 'Hello #comment'")]
    [InlineData("你好 #comment", "v: '你好 #comment'")]
    [InlineData("it's", "v: it's")]
    [InlineData("'quoted'", "v: '''quoted'''")]
    [InlineData("*star", "v: '*star'")]
    [InlineData(" lead", "v: ' lead'")]
    [InlineData("<foo>", "v: <foo>")]
    [InlineData("http://example.com:8080/x", "v: http://example.com:8080/x")]
    [InlineData("你好", "v: 你好")]
    [InlineData("\u0000", "v: \"\\0\"")]
    [InlineData("a\tb", "v: \"a\\tb\"")]
    [InlineData("smile \U0001F600", "v: \"smile \\U0001F600\"")]
    [InlineData("<<", "v: <<")]
    public void StringsAreQuotedOnlyWhenTheyWouldReadBackAsAnotherTypeOrCannotBePlain(string text, string expected) =>
        Assert.Equal(expected, ToYaml(Map(("v", text))));

    [Theory]
    [InlineData("B\nC", "v: |-\n  B\n  C")]
    [InlineData("line\n", "v: |\n  line")]
    [InlineData("keep\n\n", "v: |+\n  keep\n")]
    [InlineData(" indented\nnext", "v: |2-\n   indented\n  next")]
    [InlineData("a\n\nb", "v: |-\n  a\n\n  b")]
    [InlineData("trailing \nspace", "v: \"trailing \\nspace\"")]
    public void MultiLineStringsAreLiteralBlocksUnlessTheirSpacesForbidIt(string text, string expected) =>
        Assert.Equal(expected, ToYaml(Map(("v", text))));

    [Fact]
    public void SequencesInsideMappingsAreNotIndented() =>
        Assert.Equal("v:\n- A\n- 1\n- B:\n  - 2\n  - 3", ToYaml(Map(("v", new List<object?> { "A", 1L, Map(("B", new List<object?> { 2L, 3L })) }))));

    [Fact]
    public void NestedSequencesAndMappingsStartOnTheDashLine() =>
        Assert.Equal("- - a\n  - b\n- x: 1\n  \"y\": 2", ToYaml(new List<object?> { new List<object?> { "a", "b" }, Map(("x", 1L), ("y", 2L)) }));

    [Fact]
    public void EmptyCollectionsAreFlowStyleAndNullIsWrittenNull() =>
        Assert.Equal("a: {}\nb: []\nc: null", ToYaml(Map(("a", Map()), ("b", new List<object?>()), ("c", null))));

    [Theory]
    [InlineData(1000000.0, "1000000")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1234567.5, "1.2345675e+06")]
    [InlineData(0.000001, "1e-06")]
    [InlineData(3.0, "3")]
    public void FloatsGoThroughJsonSoIntegralValuesBecomeIntegers(double value, string expected) =>
        Assert.Equal("v: " + expected, ToYaml(Map(("v", value))));

    [Fact]
    public void AValueWithoutAJsonFormGivesAnEmptyStringAndMustToYamlFails()
    {
        Assert.Equal("[]", Render("[{{ toYaml .v }}]", new Dictionary<string, object?> { ["v"] = double.NaN }));
        var error = Fails("{{ mustToYaml .v }}", new Dictionary<string, object?> { ["v"] = double.PositiveInfinity });
        Assert.Contains("json: unsupported value: +Inf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysAreInGoYamlsNaturalOrder()
    {
        string[] order = [".1", ".2", ".a", "1", "2", "a!10", "a/0001", "a/002", "a/3", "a/10", "a/11", "a/0012", "a/100", "a~10", "ab/1", "b/1", "b/01", "b/2", "b/02", "b/3", "b/03", "b1", "b01", "b3", "c2.10", "c10.2", "d1", "d7", "d7abc", "d12", "d12a"];
        var map = order.Reverse().ToDictionary(k => k, _ => (object?)1L, StringComparer.Ordinal);
        var keys = ToYaml(map).Split('\n').Select(line => line[..line.LastIndexOf(':')].Trim('"')).ToArray();
        Assert.Equal(order, keys);
    }

    [Fact]
    public void LongStringsFoldAtASpaceAfterColumn80()
    {
        const string text = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ";
        Assert.Equal(
            "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '",
            ToYaml(Map(("a", text))));
        Assert.Equal(
            "a: abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890",
            ToYaml(Map(("a", text.TrimEnd()))));
    }

    [Fact]
    public void ScalarsAtTheTopLevelAreWrittenAlone()
    {
        Assert.Equal("hi", ToYaml("hi"));
        Assert.Equal("|-\n  a\n  b", ToYaml("a\nb"));
        Assert.Equal("null", ToYaml(null));
        Assert.Equal("{}", ToYaml(Map()));
    }

    [Fact]
    public void KeysThatAreNotPlainAreQuotedAndLongKeysUseTheComplexForm()
    {
        Assert.Equal("'a: b': 2\n\"true\": 1", ToYaml(Map(("true", 1L), ("a: b", 2L))));
        var key = new string('k', 129);
        Assert.Equal($"? {key}\n: v", ToYaml(Map((key, "v"))));
        Assert.Equal("? |-\n  a\n  b\n: v", ToYaml(Map(("a\nb", "v"))));
    }
}
