using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>Helm's toToml/fromToml (BurntSushi/toml); documents from the TOML 1.0 specification's examples.</summary>
public class GoHelmTomlTests
{
    private static string RenderWith(string text, object? v) => Render(text, new Dictionary<string, object?> { ["v"] = v });

    [Theory]
    [InlineData("title = \"TOML Example\"\n[owner]\nname = \"Tom\"\n", "map[owner:map[name:Tom] title:TOML Example]")]
    [InlineData("[database]\nports = [ 8000, 8001, 8002 ]\nenabled = true\ntemp_targets = { cpu = 79.5, case = 72.0 }\n", "map[database:map[enabled:true ports:[8000 8001 8002] temp_targets:map[case:72 cpu:79.5]]]")]
    [InlineData("[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits]]\nname = \"banana\"\n", "map[fruits:[map[name:apple physical:map[color:red]] map[name:banana]]]")]
    [InlineData("name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = { x = 1, y = 2 }\n", "map[name:map[first:Tom last:Preston-Werner] point:map[x:1 y:2]]")]
    [InlineData("fruit.apple.color = \"red\"\nfruit.apple.taste.sweet = true # comment\n", "map[fruit:map[apple:map[color:red taste:map[sweet:true]]]]")]
    [InlineData("\"key with spaces\" = 1\n'literal' = 2\nbare-key_1 = 3\n", "map[bare-key_1:3 key with spaces:1 literal:2]")]
    [InlineData("int = +99\nhex = 0xDEADBEEF\noct = 0o755\nbin = 0b11010110\nbig = 5_349_221\nneg = -17\n", "map[big:5349221 bin:214 hex:3735928559 int:99 neg:-17 oct:493]")]
    [InlineData("a = 6.626e-34\nb = -0.01\nc = 224_617.445_991_228\nd = inf\ne = 5e+22\n", "map[a:6.626e-34 b:-0.01 c:224617.445991228 d:+Inf e:5e+22]")]
    [InlineData("arr = [\n  1,\n  2, # two\n]\nnested = [ [ 1, 2 ], [\"a\", 'b'] ]\n", "map[arr:[1 2] nested:[[1 2] [a b]]]")]
    public void FromTomlReadsTheSpecificationsExamples(string document, string expected) =>
        Assert.Equal(expected, RenderWith("{{ fromToml .v }}", document));

    [Theory]
    [InlineData("s = \"tab\\there \\u00e9 \\\"q\\\"\"", "tab\there é \"q\"")]
    [InlineData("s = 'C:\\Users\\nodejs'", "C:\\Users\\nodejs")]
    [InlineData("s = \"\"\"\nRoses are red\nViolets are blue\"\"\"", "Roses are red\nViolets are blue")]
    [InlineData("s = \"\"\"\nThe quick brown \\\n\n  fox jumps over\"\"\"", "The quick brown fox jumps over")]
    [InlineData("s = '''\nThe first newline is\ntrimmed in raw strings.\n'''", "The first newline is\ntrimmed in raw strings.\n")]
    [InlineData("s = \"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"", "Here are two quotation marks: \"\". Simple enough.")]
    public void FromTomlReadsEveryStringForm(string document, string expected) =>
        Assert.Equal(expected, RenderWith("{{ (fromToml .v).s }}", document));

    [Theory]
    [InlineData("odt = 1979-05-27T07:32:00Z", "1979-05-27T07:32:00Z")]
    [InlineData("odt = 1979-05-27 00:32:00.999999-07:00", "1979-05-27T00:32:00.999999-07:00")]
    [InlineData("ld = 1979-05-27", "1979-05-27T00:00:00Z")]
    public void FromTomlReadsDateTimes(string document, string expected) =>
        Assert.Equal(expected, RenderWith("{{ range (fromToml .v) }}{{ date \"2006-01-02T15:04:05.999999999Z07:00\" . }}{{ end }}", document));

    [Theory]
    [InlineData("a = 1\na = 2\n", "toml: line 2: Key 'a' has already been defined.")]
    [InlineData("[t]\n[t]\n", "toml: line 2: Key 't' has already been defined.")]
    [InlineData("a = \n", "toml: line 1: expected value but found '\\n' instead")]
    [InlineData("a = \"open\n", "toml: line 1: unexpected EOF; expected '\"'")]
    [InlineData("a = 1 b = 2\n", "toml: line 1: expected a top-level item to end with a newline, comment, or EOF, but got 'b' instead")]
    public void FromTomlReportsABadDocumentUnderTheErrorKey(string document, string expected) =>
        Assert.Equal(expected, RenderWith("{{ (fromToml .v).Error }}", document));

    [Theory]
    [InlineData(1e21, "1000000000000000000000.0")]
    [InlineData(1e30, "1000000000000000000000000000000.0")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(2.5, "2.5")]
    public void ToTomlWritesFloatsWithoutAnExponent(double value, string expected) =>
        Assert.Equal($"v = {expected}\n", Render("{{ toToml . }}", new Dictionary<string, object?> { ["v"] = value }));

    [Fact]
    public void ToTomlWritesANestedTableIndented() =>
        Assert.Equal("[mast]\n  sail = \"white\"\n", Render("{{ toToml . }}", new Dictionary<string, object?> { ["mast"] = new Dictionary<string, object?> { ["sail"] = "white" } }));

    [Fact]
    public void ToTomlWritesAnInlineTablesPlainKeysBeforeItsTables() =>
        Assert.Equal("a = [{z = 1, b = {c = 2}}]\n", Render("{{ toToml (dict \"a\" (list 1 (dict \"z\" 1 \"b\" (dict \"c\" 2)))) }}").Replace("[1, ", "[", StringComparison.Ordinal));
}
