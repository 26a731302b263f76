using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

public class GoTemplateSprigTests
{
    [Theory]
    [InlineData("{{ default \"west\" .labels.region }} {{ default \"east\" .missing }} {{ .empty | default \"e\" }} {{ default 5 0 }}", "west east e 5")]
    [InlineData("{{ empty .empty }} {{ empty .list }} {{ empty 0 }} {{ empty .none }} {{ empty \"x\" }}", "true false true true false")]
    [InlineData("{{ coalesce .none .empty \"c\" }} {{ ternary \"y\" \"n\" .enabled }} {{ ternary \"y\" \"n\" .off }}", "c y n")]
    [InlineData("{{ quote .name 3 }} {{ squote .name }} {{ upper .name }} {{ lower \"AB\" }} {{ title \"hello world-x\" }}", "\"web\" \"3\" 'web' WEB ab Hello World-X")]
    [InlineData("{{ trim \"  a  \" }}|{{ trimAll \"$\" \"$5$\" }}|{{ trimPrefix \"v\" \"v1.2\" }}|{{ trimSuffix \".yaml\" \"a.yaml\" }}", "a|5|1.2|a")]
    [InlineData("{{ trunc 3 \"abcdef\" }} {{ trunc -2 \"abcdef\" }} {{ trunc 10 \"ab\" }}", "abc ef ab")]
    [InlineData("{{ replace \"-\" \"_\" \"a-b-c\" }} {{ contains \"eb\" .name }} {{ hasPrefix \"w\" .name }} {{ hasSuffix \"x\" .name }}", "a_b_c true true false")]
    [InlineData("{{ $p := split \".\" \"a.b.c\" }}{{ $p._1 }} {{ splitList \",\" \"x,y\" }} {{ join \"-\" .list }} {{ join \",\" .numbers }}", "b [x y] a-b-c 3,1,2")]
    [InlineData("{{ \"a\\nb\" | indent 2 }}|{{ \"a\\nb\" | nindent 2 }}", "  a\n  b|\n  a\n  b")]
    [InlineData("{{ repeat 3 \"ab\" }} {{ substr 1 3 \"hello\" }} {{ nospace \"a b c\" }} {{ cat \"a\" .none 1 }}", "ababab el abc a 1")]
    [InlineData("{{ snakecase \"FirstName\" }} {{ kebabcase \"FirstName\" }} {{ camelcase \"http_server\" }} {{ initials \"First Try\" }}", "first_name first-name HttpServer FT")]
    [InlineData("{{ sortAlpha .list | reverse }} {{ .numbers | toStrings }} {{ plural \"one\" \"many\" 2 }}", "[c b a] [3 1 2] many")]
    [InlineData("{{ regexMatch \"^[a-z]+$\" .name }} {{ regexFind \"[0-9]+\" \"ab12cd34\" }} {{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" 2 }}", "true 12 -W-xxW- [1 2]")]
    public void Strings(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ list 1 \"a\" 2.5 }} {{ first .list }} {{ last .list }} {{ rest .list }} {{ initial .list }}", "[1 a 2.5] a c [b c] [a b]")]
    [InlineData("{{ append .list \"d\" }} {{ prepend .list \"z\" }} {{ concat .list (list 1) }} {{ .list }}", "[a b c d] [z a b c] [a b c 1] [a b c]")]
    [InlineData("{{ uniq (list 1 1 2 1) }} {{ without .list \"b\" }} {{ has \"b\" .list }} {{ compact (list \"\" 1 0 \"a\") }}", "[1 2] [a c] true [1 a]")]
    [InlineData("{{ until 3 }} {{ untilStep 1 10 3 }} {{ seq 3 }} {{ seq 2 -1 0 }} {{ chunk 2 .list }}", "[0 1 2] [1 4 7] 1 2 3 2 1 0 [[a b] [c]]")]
    [InlineData("{{ $d := dict \"a\" 1 \"b\" 2 }}{{ $d.b }} {{ $_ := set $d \"c\" 3 }}{{ $d }} {{ unset $d \"a\" }} {{ hasKey $d \"b\" }} {{ get $d \"zz\" }}|", "2 map[a:1 b:2 c:3] map[b:2 c:3] true |")]
    [InlineData("{{ keys .labels }} {{ values .labels }} {{ pluck \"env\" .labels (dict \"env\" \"dev\") }}", "[app env region] [web prod west] [prod dev]")]
    [InlineData("{{ pick .labels \"env\" }} {{ omit .labels \"env\" }} {{ dig \"a\" \"b\" \"c\" \"none\" .nested }} {{ dig \"a\" \"x\" \"none\" .nested }}", "map[env:prod] map[app:web region:west] deep none")]
    [InlineData("{{ merge (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"y\" 2)) }}", "map[a:1 b:3 n:map[x:1 y:2]]")]
    [InlineData("{{ mergeOverwrite (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"n\" (dict \"x\" 3)) }}", "map[a:2 n:map[x:3]]")]
    [InlineData("{{ $c := deepCopy .labels }}{{ $_ := set $c \"env\" \"x\" }}{{ .labels.env }}{{ $c.env }}", "prodx")]
    public void ListsAndDicts(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ add 1 2 \"3\" }} {{ add1 .replicas }} {{ sub 5 7 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }}", "6 4 -2 24 3 1")]
    [InlineData("{{ max 1 5 3 }} {{ min 4 2 8 }} {{ addf 1.5 2 }} {{ mulf 1.5 2 }} {{ divf 1 4 }} {{ floor 1.7 }} {{ ceil 1.2 }} {{ round 2.345 2 }}", "5 2 3.5 3 0.25 1 2 2.35")]
    [InlineData("{{ int \"42\" }} {{ int 3.9 }} {{ int64 \"x\" }} {{ float64 \"1.5\" }} {{ atoi \"12\" }} {{ toString 1.0 }} {{ toString 1000000.0 }} {{ toString .replicas }} {{ toDecimal \"0777\" }}", "42 3 0 1.5 12 1 1e+06 3 511")]
    [InlineData("{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf .labels }} {{ typeOf .list }} {{ kindOf .labels }} {{ kindIs \"slice\" .list }} {{ deepEqual (list 1) (list 1) }}", "int float64 map[string]interface {} []interface {} map true true")]
    public void MathAndConversions(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ b64enc \"hello\" }} {{ b64dec \"aGVsbG8=\" }} {{ b32enc \"hi\" }}", "aGVsbG8= hello NBUQ====")]
    [InlineData("{{ sha256sum \"abc\" }}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("{{ sha1sum \"abc\" }} {{ adler32sum \"abc\" }}", "a9993e364706816aba3e25717850c26c9cd0d89d 38600999")]
    [InlineData("{{ toJson .labels }} {{ toJson \"<a>&\" }} {{ toRawJson \"<a>\" }}", "{\"app\":\"web\",\"env\":\"prod\",\"region\":\"west\"} \"\\u003ca\\u003e\\u0026\" \"<a>\"")]
    [InlineData("{{ (fromJson \"{\\\"a\\\":{\\\"b\\\":1}}\").a.b }} {{ fromJsonArray \"[1,2]\" }}", "1 [1 2]")]
    [InlineData("{{ toYaml .labels }}", "app: web\nenv: prod\nregion: west")]
    [InlineData("{{ (fromYaml \"a:\\n  b: [1, 2]\").a.b }} {{ fromYamlArray \"- x\\n- z\" }}", "[1 2] [x z]")]
    [InlineData("{{ base \"/a/b.txt\" }} {{ dir \"/a/b.txt\" }} {{ ext \"b.tar.gz\" }} {{ isAbs \"/x\" }}", "b.txt /a .gz true")]
    public void EncodingAndHashes(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ semverCompare \">=1.20.0\" \"v1.30.2\" }} {{ semverCompare \"<1.20\" \"1.30.2\" }} {{ semverCompare \"~1.2\" \"1.2.9\" }} {{ semverCompare \"^1.2.3\" \"2.0.0\" }}", "true false true false")]
    [InlineData("{{ semverCompare \">=1.21\" \"1.22.0-gke.100\" }} {{ semverCompare \">=1.21-0\" \"1.22.0-gke.100\" }} {{ semverCompare \"1.2.x || >=3\" \"3.1.0\" }}", "false true true")]
    [InlineData("{{ (semver \"v1.30.2-rc.1\").Minor }} {{ (semver \"1.2.3\").Major }} {{ (semver \"1.2.3-beta+b1\").Prerelease }}", "30 1 beta")]
    [InlineData("{{ date \"2006-01-02 15:04:05\" (toDate \"2006-01-02\" \"2024-03-05\") }}", "2024-03-05 00:00:00")]
    [InlineData("{{ dateInZone \"Jan 2, 2006 3:04 PM MST\" (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T14:07:00Z\") \"UTC\" }}", "Mar 5, 2024 2:07 PM UTC")]
    [InlineData("{{ duration 5400 }} {{ duration 45 }}", "1h30m0s 45s")]
    [InlineData("{{ len uuidv4 }} {{ len (randAlphaNum 12) }} {{ now | date \"2006\" | len }}", "36 12 4")]
    public void SemverDatesAndRandom(string text, string expected) => Assert.Equal(expected, Render(text));

    [Fact]
    public void RequiredAndFailStopTheRendering()
    {
        Assert.Equal("web", Render("{{ required \"name is needed\" .name }}"));
        var e = Fails("{{ required \"region is needed\" .missing }}");
        Assert.Equal("TemplateMissingKey", e.ErrorId);
        Assert.Contains("error calling required: region is needed", e.Message, StringComparison.Ordinal);
        Assert.Contains("error calling fail: stop", Fails("{{ fail \"stop\" }}").Message, StringComparison.Ordinal);
    }
}
