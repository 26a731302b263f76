using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;
using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

public class GoTemplateLanguageTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("{{ .name }}", "web")]
    [InlineData("{{.labels.env}}-{{ .labels.region }}", "prod-west")]
    [InlineData("{{ .nested.a.b.c }}", "deep")]
    [InlineData("{{ .replicas }}", "3")]
    [InlineData("{{ .ratio }}", "0.5")]
    [InlineData("{{ .big }}", "1e+06")]
    [InlineData("{{ .enabled }}", "true")]
    [InlineData("{{ .list }}", "[a b c]")]
    [InlineData("{{ .labels }}", "map[app:web env:prod region:west]")]
    [InlineData("{{ .none }}", "<no value>")]
    [InlineData("{{ .missing }}", "<no value>")]
    [InlineData("{{ . | len }}", "12")]
    [InlineData("{{ $ .name }}x", "")]
    public void FieldsAndValuesPrintAsGoPrintsThem(string text, string expected)
    {
        if (text.StartsWith("{{ $ .name", StringComparison.Ordinal))
        {
            Fails(text);
            return;
        }

        Assert.Equal(expected, Render(text));
    }

    [Theory]
    [InlineData("a {{/* comment */}} b", "a  b")]
    [InlineData("a {{- /* comment */ -}} b", "ab")]
    [InlineData("a  \n {{- .name }}", "aweb")]
    [InlineData("{{ .name -}} \n\t b", "webb")]
    [InlineData("x\n{{- if true }}\ny\n{{- end }}\nz", "x\ny\nz")]
    [InlineData("{{-3}}", "-3")]
    [InlineData("{{ 3 -}} 4", "34")]
    public void CommentsAndTrimMarkers(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ if .enabled }}yes{{ end }}", "yes")]
    [InlineData("{{ if .off }}yes{{ else }}no{{ end }}", "no")]
    [InlineData("{{ if .off }}1{{ else if .empty }}2{{ else if .replicas }}3{{ end }}", "3")]
    [InlineData("{{ if .none }}1{{ else }}2{{ end }}", "2")]
    [InlineData("{{ if 0 }}1{{ else }}0{{ end }}{{ if 0.0 }}1{{ else }}0{{ end }}{{ if list }}1{{ else }}0{{ end }}{{ if dict }}1{{ else }}0{{ end }}{{ if \"x\" }}1{{ end }}", "00001")]
    [InlineData("{{ with .labels }}{{ .env }}{{ end }}", "prod")]
    [InlineData("{{ with .missing }}x{{ else }}none{{ end }}", "none")]
    [InlineData("{{ with .missing }}x{{ else with .labels.env }}{{ . }}{{ end }}", "prod")]
    public void Conditionals(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ range .list }}{{ . }},{{ end }}", "a,b,c,")]
    [InlineData("{{ range $i, $v := .list }}{{ $i }}={{ $v }} {{ end }}", "0=a 1=b 2=c ")]
    [InlineData("{{ range $v := .list }}{{ $v }}{{ end }}", "abc")]
    [InlineData("{{ range $k, $v := .labels }}{{ $k }}:{{ $v }};{{ end }}", "app:web;env:prod;region:west;")]
    [InlineData("{{ range .labels }}{{ . }} {{ end }}", "web prod west ")]
    [InlineData("{{ range 3 }}{{ . }}{{ end }}", "012")]
    [InlineData("{{ range .missing }}x{{ else }}empty{{ end }}", "empty")]
    [InlineData("{{ range list }}x{{ else }}empty{{ end }}", "empty")]
    [InlineData("{{ range .list }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "a")]
    [InlineData("{{ range .list }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}", "ac")]
    [InlineData("{{ range $i, $e := .list }}{{ range $.numbers }}{{ $i }}{{ . }}{{ end }} {{ end }}", "030102 131112 232122 ")]
    public void Range(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ $x := .name }}{{ $x }}", "web")]
    [InlineData("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "2")]
    [InlineData("{{ $x := 1 }}{{ range .list }}{{ $x = . }}{{ end }}{{ $x }}", "c")]
    [InlineData("{{ with .labels }}{{ $.name }}/{{ .env }}{{ end }}", "web/prod")]
    [InlineData("{{ $l := .labels }}{{ $l.region }}", "west")]
    [InlineData("{{ (index .list 1) }}{{ (dict \"a\" \"b\").a }}", "bb")]
    [InlineData("{{ .name | printf \"%s-%s\" \"x\" }}", "x-web")]
    [InlineData("{{ .name | upper | printf \"%q\" }}", "\"WEB\"")]
    [InlineData("{{ (.labels).env }}", "prod")]
    public void VariablesPipelinesAndParentheses(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ define \"x\" }}[{{ . }}]{{ end }}{{ template \"x\" .name }}", "[web]")]
    [InlineData("{{ define \"x\" }}{{ .env }}{{ end }}{{ template \"x\" .labels }}/{{ template \"x\" .labels }}", "prod/prod")]
    [InlineData("{{ define \"in\" }}<{{ . }}>{{ end }}{{ define \"out\" }}{{ template \"in\" . }}{{ template \"in\" . }}{{ end }}{{ template \"out\" 1 }}", "<1><1>")]
    [InlineData("{{ block \"b\" .name }}default {{ . }}{{ end }}", "default web")]
    [InlineData("{{ define \"x\" }}{{ $ }}{{ end }}{{ template \"x\" }}", "<no value>")]
    [InlineData("{{ define \"n\" }}{{ .name | upper }}{{ end }}{{ include \"n\" . | lower | quote }}", "\"web\"")]
    [InlineData("{{ tpl \"{{ .name }}!\" . }}", "web!")]
    public void NamedTemplates(string text, string expected) => Assert.Equal(expected, Render(text));

    /// <summary>Go's templateControl parses the argument as a pipeline whose variables persist until the enclosing end.</summary>
    [Theory]
    [InlineData("{{ define \"x\" }}<{{ . }}>{{ end }}{{ template \"x\" $v := 1 }}{{ $v }}", "<1>1")]
    [InlineData("{{ define \"x\" }}<{{ . }}>{{ end }}{{ template \"x\" $v := 1 | add 2 }}{{ $v }}", "<3>3")]
    [InlineData("{{ define \"x\" }}<{{ . }}>{{ end }}{{ $v := 0 }}{{ template \"x\" $v = 5 }}{{ $v }}", "<5>5")]
    [InlineData("{{ define \"x\" }}<{{ . }}>{{ end }}{{ template \"x\" ($v := 3) }}{{ $v }}", "<3>3")]
    [InlineData("{{ define \"x\" }}<{{ . }}>{{ end }}{{ include \"x\" ($v := 7) | upper }}{{ $v }}", "<7>7")]
    [InlineData("{{ define \"x\" }}<{{ . }}>{{ end }}{{ range list 1 2 }}{{ template \"x\" $j := . }}{{ $j }}{{ end }}", "<1>1<2>2")]
    public void VariablesDeclaredInATemplateCallsArgumentStayInScope(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ define \"x\" }}{{ $v }}{{ end }}{{ template \"x\" $v := 1 }}", "undefined variable \"$v\"")]
    [InlineData("{{ define \"x\" }}{{ . }}{{ end }}{{ if true }}{{ template \"x\" $v := 1 }}{{ end }}{{ $v }}", "undefined variable \"$v\"")]
    [InlineData("{{ define \"x\" }}{{ . }}{{ end }}{{ template \"x\" $a, $b := 1 }}", "too many declarations in template clause")]
    [InlineData("{{ define \"x\" }}{{ . }}{{ end }}{{ template \"x\" $v := }}", "missing value for template clause")]
    public void ATemplateCallsVariablesFollowGosScopeRules(string text, string message) =>
        Assert.Equal($"template: t:1: {message}", Fails(text).GoMessage);

    [Fact]
    public void RecursiveTemplatesStopAtTheRecursionLimit()
    {
        var e = Fails("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}", limits: new TemplateLimits { MaxRecursionDepth = 20 });
        Assert.Equal(TemplateErrorIds.LimitExceeded, e.ErrorId);
        Assert.Contains("exceeded maximum template depth (20)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefinedTemplatesAreListed() =>
        Assert.Equal(["a", "b"], new GoTemplateRenderer().Compile("{{define \"a\"}}x{{end}}{{block \"b\" .}}y{{end}}", "t").TemplateNames.Order());

    [Fact]
    public void ANamedTemplateRendersAlone() =>
        Assert.Equal("hi web", new GoTemplateRenderer().Compile("{{define \"a\"}}hi {{ .name }}{{end}}", "t").RenderTemplate("a", Values));

    [Theory]
    [InlineData("{{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 1_000 }} {{ 'a' }} {{ 1.5e3 }} {{ -2 }} {{ .5 }}", "31 15 15 1000 97 1500 -2 0.5")]
    [InlineData("{{ \"a\\tb\\n\" }}{{ `raw\\n` }}", "a\tb\nraw\\n")]
    [InlineData("{{ true }} {{ false }}", "true false")]
    [InlineData("{{ 1e6 }} {{ 1234567.0 }} {{ 0.0001 }} {{ 0.00001 }} {{ 100000.0 }}", "1e+06 1.234567e+06 0.0001 1e-05 100000")]
    public void Literals(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ and 1 0 2 }}", "0")]
    [InlineData("{{ and 1 2 }}", "2")]
    [InlineData("{{ or 0 \"\" \"x\" }}", "x")]
    [InlineData("{{ or 0 \"\" }}", "")]
    [InlineData("{{ and false (fail \"not evaluated\") }}", "false")]
    [InlineData("{{ or true (fail \"not evaluated\") }}", "true")]
    [InlineData("{{ not .enabled }} {{ not .empty }}", "false true")]
    [InlineData("{{ len .list }} {{ len .labels }} {{ len \"héllo\" }}", "3 3 6")]
    [InlineData("{{ index .list 2 }} {{ index .labels \"env\" }} {{ index .nested \"a\" \"b\" \"c\" }} {{ index .labels \"nope\" }}", "c prod deep <no value>")]
    [InlineData("{{ slice .list 1 }} {{ slice .list 1 2 }} {{ slice \"hello\" 1 3 }}", "[b c] [b] el")]
    [InlineData("{{ print 1 2 \"a\" \"b\" 3 }}", "1 2ab3")]
    [InlineData("{{ println \"a\" 1 }}", "a 1\n")]
    [InlineData("{{ eq 1 1 }} {{ eq \"a\" \"b\" \"a\" }} {{ ne 1 2 }} {{ eq .none nil }}", "true true true true")]
    [InlineData("{{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1.5 2.5 }}", "true true true false")]
    [InlineData("{{ html \"<a href='x'>&\\\"\" }}", "&lt;a href=&#39;x&#39;&gt;&amp;&#34;")]
    [InlineData("{{ js \"it's <b>\\n\" }}", "it\\'s \\u003Cb\\u003E\\u000A")]
    [InlineData("{{ urlquery \"a b&c=d/é\" }}", "a+b%26c%3Dd%2F%C3%A9")]
    public void Builtins(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ printf \"%s|%5s|%-5s|%.2s\" \"ab\" \"ab\" \"ab\" \"abc\" }}", "ab|   ab|ab   |ab")]
    [InlineData("{{ printf \"%d|%5d|%-5d|%05d|%+d\" 42 42 42 42 42 }}", "42|   42|42   |00042|+42")]
    [InlineData("{{ printf \"%v %v %v %v\" 1 1.5 \"s\" true }}", "1 1.5 s true")]
    [InlineData("{{ printf \"%q %q\" \"a\\\"b\" 65 }}", "\"a\\\"b\" 'A'")]
    [InlineData("{{ printf \"%t\" true }}", "true")]
    [InlineData("{{ printf \"%f %.2f %8.3f %e %g\" 3.14159 3.14159 3.14159 1234.5678 0.000012 }}", "3.141590 3.14    3.142 1.234568e+03 1.2e-05")]
    [InlineData("{{ printf \"%x %X %x %#x\" 255 255 \"hi\" 255 }}", "ff FF 6869 0xff")]
    [InlineData("{{ printf \"%d\" \"x\" }}", "%!d(string=x)")]
    [InlineData("{{ printf \"%s %s\" \"a\" }}", "a %!s(MISSING)")]
    [InlineData("{{ printf \"%s\" \"a\" \"b\" }}", "a%!(EXTRA string=b)")]
    [InlineData("{{ printf \"100%%\" }}", "100%")]
    [InlineData("{{ printf \"%v\" .labels }}", "map[app:web env:prod region:west]")]
    public void Printf(string text, string expected) => Assert.Equal(expected, Render(text));

    /// <summary>fmt prints nil as &lt;nil&gt;; html, js and urlquery first turn it into printableValue's &lt;no value&gt;; Sprig's quote drops it.</summary>
    [Theory]
    [InlineData("{{ print nil }}|{{ print .missing }}|{{ println nil 1 }}", "<nil>|<nil>|<nil> 1\n")]
    [InlineData("{{ printf \"%v\" nil }}|{{ printf \"%s\" nil }}|{{ printf \"%d\" .missing }}|{{ printf \"%v\" (list nil 1) }}", "<nil>|%!s(<nil>)|%!d(<nil>)|[<nil> 1]")]
    [InlineData("{{ html nil }}|{{ .missing | html }}|{{ html \"<a>\" nil 1 }}", "&lt;no value&gt;|&lt;no value&gt;|&lt;a&gt;&lt;no value&gt;1")]
    [InlineData("{{ js nil }}|{{ js .none }}", "\\u003Cno value\\u003E|\\u003Cno value\\u003E")]
    [InlineData("{{ urlquery nil }}|{{ .missing | urlquery }}", "%3Cno+value%3E|%3Cno+value%3E")]
    [InlineData("[{{ quote nil }}]{{ quote nil \"a\" }}[{{ squote .none }}]{{ toString nil }}", "[]\"a\"[]<nil>")]
    public void NilPrintsAsEachFunctionPrintsIt(string text, string expected) => Assert.Equal(expected, Render(text));

    [Fact]
    public void DataMayBeDotNetDictionariesListsAndPrimitives()
    {
        var data = new Dictionary<string, object?>
        {
            ["Values"] = new Dictionary<string, object> { ["port"] = 8080, ["hosts"] = new[] { "a", "b" }, ["ratio"] = 0.25f },
        };
        Assert.Equal("8080 [a b] 0.25", Render("{{ .Values.port }} {{ .Values.hosts }} {{ .Values.ratio }}", data));
    }

    [Fact]
    public void RenderingNeverModifiesTheCallersData()
    {
        var data = (JsonObject)Values.DeepClone();
        Render("{{ $_ := set .labels \"env\" \"dev\" }}{{ .labels.env }}", data);
        Assert.Equal("prod", (string?)data["labels"]!["env"]);
    }
}
