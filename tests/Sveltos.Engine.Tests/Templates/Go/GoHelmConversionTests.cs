using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>Helm's fromYaml/fromYamlArray/fromJson/fromJsonArray and Go's encoding/json; expectations from Helm's pkg/engine/funcs_test.go and Go's encoding/json.</summary>
public class GoHelmConversionTests
{
    private static string RenderWith(string text, object? v) => Render(text, new Dictionary<string, object?> { ["v"] = v });

    [Theory]
    [InlineData("{{ fromYaml .v }}", "hello: world", "map[hello:world]")]
    [InlineData("{{ fromYamlArray .v }}", "- one\n- 2\n- name: helm\n", "[one 2 map[name:helm]]")]
    [InlineData("{{ fromYamlArray .v }}", "[\"one\", 2, { \"name\": \"helm\" }]", "[one 2 map[name:helm]]")]
    [InlineData("{{ fromYaml .v }}", "- one\n- two\n", "map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]")]
    [InlineData("{{ fromYaml .v }}", "[\"one\", \"two\"]", "map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]")]
    [InlineData("{{ fromYamlArray .v }}", "hello: world", "[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]")]
    [InlineData("{{ fromJson .v }}", "{\"hello\":\"world\"}", "map[hello:world]")]
    [InlineData("{{ fromJson .v }}", "[\"one\", \"two\"]", "map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]")]
    [InlineData("{{ fromJsonArray .v }}", "[\"one\", 2, { \"name\": \"helm\" }]", "[one 2 map[name:helm]]")]
    [InlineData("{{ fromJsonArray .v }}", "{\"hello\": \"world\"}", "[json: cannot unmarshal object into Go value of type []interface {}]")]
    public void ReadersReportErrorsInsideTheirResultAsHelmDoes(string text, string input, string expected) =>
        Assert.Equal(expected, RenderWith(text, input));

    [Theory]
    [InlineData("{{ fromJson .v }}", "{", "map[Error:unexpected end of JSON input]")]
    [InlineData("{{ fromJson .v }}", "x", "map[Error:invalid character 'x' looking for beginning of value]")]
    [InlineData("{{ fromJson .v }}", "{\"a\" 1}", "map[Error:invalid character '1' after object key]")]
    [InlineData("{{ fromJson .v }}", "{\"a\":1 \"b\":2}", "map[Error:invalid character '\"' after object key:value pair]")]
    [InlineData("{{ fromJson .v }}", "{} x", "map[Error:invalid character 'x' after top-level value]")]
    [InlineData("{{ fromJsonArray .v }}", "[1 2]", "[invalid character '2' after array element]")]
    [InlineData("{{ fromJson .v }}", "null", "map[]")]
    [InlineData("{{ fromJson .v }}", "{\"a\":1,\"a\":2}", "map[a:2]")]
    public void JsonSyntaxErrorsAreWordedAsGoWordsThem(string text, string input, string expected) =>
        Assert.Equal(expected, RenderWith(text, input));

    [Theory]
    [InlineData("{{ (fromYaml .v).a }} {{ typeOf (fromYaml .v).a }}", "a: 1000000", "1e+06 float64")]
    [InlineData("{{ index (fromYamlArray .v) 0 | typeOf }}", "- 3", "float64")]
    [InlineData("{{ (fromJson .v).a }} {{ typeOf (fromJson .v).a }}", "{\"a\": 2}", "2 float64")]
    [InlineData("{{ mustFromJson .v | typeOf }}", "7", "float64")]
    [InlineData("{{ fromYaml .v }}", "a: 1\n---\nb: 2\n", "map[a:1]")]
    [InlineData("{{ fromYaml .v }}", "", "map[]")]
    [InlineData("{{ fromYamlArray .v }}", "", "[]")]
    public void ReadValuesAreTypedAsDecodingThroughJsonTypesThem(string text, string input, string expected) =>
        Assert.Equal(expected, RenderWith(text, input));

    [Fact]
    public void BadYamlGivesTheConversionErrorUnderTheErrorKey() =>
        Assert.StartsWith("error converting YAML to JSON: yaml: line ", RenderWith("{{ (fromYaml .v).Error }}", "a: [1\nb: 2"), StringComparison.Ordinal);

    [Theory]
    [InlineData(1000000.0, "1000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(-0.5, "-0.5")]
    public void JsonFloatsAreWrittenAsGoWritesThem(double value, string expected) =>
        Assert.Equal(expected, RenderWith("{{ toJson .v }}", value));

    [Fact]
    public void JsonStringsEscapeHtmlControlsAndLineSeparatorsAsGoDoes()
    {
        Assert.Equal("\"\\u003cb\\u003e\\u0026\\u001b\\b\\f\\n\\t\\u2028\"", RenderWith("{{ toJson .v }}", "<b>&\u001b\b\f\n\t\u2028"));
        Assert.Equal("\"<b>&\\u001b\\u2029\"", RenderWith("{{ toRawJson .v }}", "<b>&\u001b\u2029"));
    }

    [Fact]
    public void PrettyJsonIndentsTwoSpacesAndKeepsEmptyCollectionsCompact() =>
        Assert.Equal(
            "{\n  \"a\": [\n    1,\n    2.5\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": \"\\u003c\"\n}",
            Render("{{ toPrettyJson (dict \"a\" (list 1 2.5) \"b\" (dict) \"c\" (list) \"d\" \"<\") }}"));

    [Theory]
    [InlineData("{{ rest (list) }} {{ initial (list) }} {{ rest (list 1) }} {{ initial (list 1 2) }}", "[] [] [] [1]")]
    [InlineData("{{ join \",\" (list \"a\" .none \"b\" 1) }} {{ toStrings (list .none 2 \"c\") }}", "a,b,1 [2 c]")]
    public void SprigListHelpersFollowSprig(string text, string expected) =>
        Assert.Equal(expected, Render(text, new Dictionary<string, object?> { ["none"] = null }));
}
