using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

public class GoTemplateSprigAdditionsTests
{
    [Theory]
    [InlineData("{{ hello }}", "Hello!")]
    [InlineData("{{ abbrevboth 5 10 \"1234 5678 9123\" }}|{{ abbrevboth 0 8 \"abcdefghij\" }}|{{ abbrevboth 3 5 \"abcdefghij\" }}|{{ abbrevboth 0 20 \"short\" }}", "...5678...|abcde...|abcdefghij|short")]
    [InlineData("{{ b32dec \"NBUQ====\" }}|{{ b32enc \"sveltos\" | b32dec }}|{{ b32dec \"N!UQ====\" }}|{{ b32dec \"NBU\" }}", "hi|sveltos|illegal base32 data at input byte 1|illegal base32 data at input byte 0")]
    [InlineData("{{ len (shuffle \"abcdef\") }} {{ shuffle \"abcdef\" | splitList \"\" | sortAlpha | join \"\" }}", "6 abcdef")]
    public void Strings(string text, string expected) => Assert.Equal(expected, Render(text));

    [Fact]
    public void RandIntStaysInItsHalfOpenRange()
    {
        var values = Enumerable.Range(0, 50).Select(_ => int.Parse(Render("{{ randInt 3 6 }}"))).ToList();
        Assert.All(values, v => Assert.InRange(v, 3, 5));
        Assert.Contains("invalid argument to Intn", Fails("{{ randInt 5 5 }}").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ clean \"a//b/./c/../d/\" }} {{ clean \"/../x\" }} {{ clean \"\" }} {{ clean \"../../a\" }}", "a/b/d /x . ../../a")]
    [InlineData("{{ dir \"a//b\" }} {{ dir \"/a/b/\" }} {{ dir \"x\" }} {{ ext \"a/b.c/\" }}|{{ ext \"a.tar.gz\" }}", "a /a/b . |.gz")]
    [InlineData("{{ osBase \"/a/b.txt\" }} {{ osDir \"/a/b.txt\" }} {{ osClean \"/a/../b\" }} {{ osExt \"x.yaml\" }} {{ osIsAbs \"rel\" }}", "b.txt /a /b .yaml false")]
    public void Paths(string text, string expected) => Assert.Equal(expected, Render(text));

    [Fact]
    public void UrlParseSplitsAUrlAsGoDoes()
    {
        const string Text = "{{ $u := urlParse \"https://bob:s%3Dcret@example.com:8443/a%20b/c?x=1&y=2#frag%21\" }}"
            + "{{ $u.scheme }}|{{ $u.userinfo }}|{{ $u.host }}|{{ $u.hostname }}|{{ $u.path }}|{{ $u.query }}|{{ $u.fragment }}|{{ $u.opaque }}|{{ len $u }}";
        Assert.Equal("https|bob:s=cret|example.com:8443|example.com|/a b/c|x=1&y=2|frag!||8", Render(Text));
        Assert.Equal("mailto|x@y.z", Render("{{ $u := urlParse \"mailto:x@y.z\" }}{{ $u.scheme }}|{{ $u.opaque }}"));
        Assert.Contains("invalid URL escape \"%zz\"", Fails("{{ urlParse \"http://h/%zz\" }}").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"example.com\" \"path\" \"/a b\" \"query\" \"x=1\" \"fragment\" \"top\" \"userinfo\" \"u:p\") }}", "https://u:p@example.com/a%20b?x=1#top")]
    [InlineData("{{ urlJoin (dict \"host\" \"h\" \"path\" \"rel\") }}|{{ urlJoin (dict \"scheme\" \"mailto\" \"opaque\" \"x@y.z\") }}|{{ urlJoin (dict \"path\" \"a:b\") }}", "//h/rel|mailto:x@y.z|./a:b")]
    [InlineData("{{ urlParse \"https://example.com/x/y?q=1#f\" | urlJoin }}", "https://example.com/x/y?q=1#f")]
    public void UrlJoinWritesAUrlBack(string text, string expected) => Assert.Equal(expected, Render(text));

    [Fact]
    public void UrlJoinRefusesAPartThatIsNotAString() =>
        Assert.Contains("unable to parse host key, must be of type string, but int found", Fails("{{ urlJoin (dict \"host\" 1) }}").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("{{ mustFirst .list }} {{ mustLast .list }} {{ mustRest .list }} {{ mustInitial .list }} {{ mustReverse .list }}", "a c [b c] [a b] [c b a]")]
    [InlineData("{{ mustAppend .list \"d\" }} {{ mustPush .list \"d\" }} {{ mustPrepend .list \"z\" }} {{ mustUniq (list 1 1 2) }} {{ mustWithout .list \"a\" }}", "[a b c d] [a b c d] [z a b c] [1 2] [b c]")]
    [InlineData("{{ mustHas \"b\" .list }} {{ mustCompact (list 0 \"\" 1) }} {{ mustChunk 2 .list }} {{ mustSlice .list 1 }} {{ mustSlice .list 0 \"2\" }} {{ mustSlice (list) }}", "true [1] [[a b] [c]] [b c] [a b] <no value>")]
    public void MustListFunctionsGiveThePlainResults(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ first .name }}", "Cannot find first on type string")]
    [InlineData("{{ mustFirst .labels }}", "Cannot find first on type map")]
    [InlineData("{{ append .name 1 }}", "Cannot push on type string")]
    [InlineData("{{ mustPrepend 3 1 }}", "Cannot prepend on type int")]
    [InlineData("{{ mustCompact \"x\" }}", "Cannot compact on type string")]
    [InlineData("{{ chunk 2 \"x\" }}", "Cannot chunk type string")]
    [InlineData("{{ concat .list \"x\" }}", "Cannot concat type string as list")]
    [InlineData("{{ mustSlice \"abc\" 1 }}", "list should be type of slice or array but string")]
    [InlineData("{{ mustSlice .list 2 9 }}", "reflect: slice index out of range")]
    public void ListFunctionsNameTheKindTheyCannotUse(string text, string message) =>
        Assert.Contains(message, Fails(text).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("{{ regexMatch \"[\" \"x\" }}", "false")]
    [InlineData("{{ regexFindAll \"a*\" \"baaab\" -1 }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" 0 }}", "[ aaa ] []")]
    [InlineData("{{ regexSplit \"a*\" \"baaac\" -1 }} {{ regexSplit \",\" \"a,b,c\" 2 }} {{ regexSplit \"(,)\" \"a,b\" -1 }} {{ regexSplit \"x\" \"\" -1 | len }}", "[b c] [a b,c] [a b] 1")]
    [InlineData("{{ regexReplaceAll \"a*\" \"baaab\" \"-\" }} {{ regexReplaceAllLiteral \"[0-9]\" \"a1b2\" \"$1\" }} {{ mustRegexReplaceAllLiteral \"b\" \"abc\" \"${x}\" }}", "-b-b- a$1b$1 a${x}c")]
    [InlineData("{{ mustRegexFindAll \"[a-c]\" \"abcd\" 2 }} {{ mustRegexSplit \"-\" \"x-y\" -1 }} {{ mustRegexFind \"[0-9]+\" \"ab12\" }}", "[a b] [x y] 12")]
    public void RegexFunctionsFollowGo(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ mustRegexMatch \"[\" \"x\" }}")]
    [InlineData("{{ regexFind \"[\" \"x\" }}")]
    [InlineData("{{ mustRegexFind \"(\" \"x\" }}")]
    [InlineData("{{ mustRegexFindAll \"[\" \"x\" -1 }}")]
    [InlineData("{{ mustRegexReplaceAll \"[\" \"x\" \"y\" }}")]
    [InlineData("{{ mustRegexReplaceAllLiteral \"[\" \"x\" \"y\" }}")]
    [InlineData("{{ mustRegexSplit \"[\" \"x\" -1 }}")]
    public void AnInvalidPatternIsAnErrorExceptForRegexMatch(string text) =>
        Assert.Contains("error parsing regexp", Fails(text).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("{{ toDate \"2006-01-02\" \"not a date\" | date \"2006-01-02\" }}", "0001-01-01")]
    [InlineData("{{ toDate \"2006-01-02\" \"2024-03-05\" | dateModify \"nonsense\" | date \"2006-01-02\" }}", "2024-03-05")]
    [InlineData("{{ toDate \"2006-01-02\" \"2024-03-05\" | date_modify \"48h\" | date \"2006-01-02\" }} {{ toDate \"2006-01-02\" \"2024-03-05\" | must_date_modify \"-24h\" | date \"2006-01-02\" }}", "2024-03-07 2024-03-04")]
    [InlineData("{{ durationRound \"2h10m5s\" }} {{ durationRound \"400h\" }} {{ durationRound \"9000h\" }} {{ durationRound \"-75s\" }} {{ durationRound \"1s\" }} {{ durationRound 3600000000000 }} {{ durationRound \"bad\" }}", "2h 16d 1y 1m 0s 60m 0s")]
    [InlineData("{{ durationRound \"800h\" }}", "1mo")]
    public void DatesIgnoreBadInputWhereSprigDoes(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ mustToDate \"2006-01-02\" \"x\" }}", "parsing time \"x\"")]
    [InlineData("{{ now | mustDateModify \"nonsense\" }}", "time: invalid duration")]
    [InlineData("{{ now | must_date_modify \"1y\" }}", "time: invalid duration")]
    public void MustDateFunctionsFail(string text, string message) =>
        Assert.Contains(message, Fails(text).Message, StringComparison.Ordinal);

    [Fact]
    public void PlainJsonEncodersWriteNothingForAValueJsonCannotHoldAndMustOnesFail()
    {
        Assert.Equal("||", Render("{{ toJson (divf 0 0) }}|{{ toRawJson (list (divf 1 0)) }}|{{ toPrettyJson (dict \"x\" (divf 0 0)) }}"));
        Assert.Contains("json: unsupported value: NaN", Fails("{{ mustToJson (divf 0 0) }}").Message, StringComparison.Ordinal);
        Assert.Contains("json: unsupported value", Fails("{{ mustToRawJson (divf 1 0) }}").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ toToml .labels }}", "app = \"web\"\nenv = \"prod\"\nregion = \"west\"\n")]
    [InlineData("{{ toToml (dict \"name\" \"x\" \"n\" 3 \"f\" 1.0 \"g\" 0.25 \"on\" true \"tags\" (list \"a\" \"b\") \"empty\" (list) \"none\" .none) }}",
        "empty = []\nf = 1.0\ng = 0.25\nn = 3\nname = \"x\"\non = true\ntags = [\"a\", \"b\"]\n")]
    [InlineData("{{ toToml (dict \"z\" 1 \"server\" (dict \"port\" 80 \"tls\" (dict \"on\" true)) \"a\" (dict \"k\" \"v\")) }}",
        "z = 1\n\n[a]\n  k = \"v\"\n\n[server]\n  port = 80\n  [server.tls]\n    on = true\n")]
    [InlineData("{{ toToml (dict \"item\" (list (dict \"n\" 1) (dict \"n\" 2)) \"top\" \"t\") }}", "top = \"t\"\n\n[[item]]\n  n = 1\n\n[[item]]\n  n = 2\n")]
    [InlineData("{{ toToml (dict \"mixed\" (list 1 (dict \"a\" 2)) \"odd key\" \"q\\\"\\n\") }}", "mixed = [1, {a = 2}]\n\"odd key\" = \"q\\\"\\n\"\n")]
    [InlineData("{{ toToml (list 1) }}", "toml: top-level values must be Go maps or structs")]
    [InlineData("{{ toToml (dict \"a\" (list 1 .none)) }}", "toml: cannot encode array with nil element")]
    public void ToTomlWritesTomlAsHelmDoes(string text, string expected) => Assert.Equal(expected, Render(text));
}
