using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>A chart's templates parsed into one namespace, as Helm's engine.go parses them (sortTemplates, t.New(file).Parse).</summary>
public class GoTemplateCollectionTests
{
    private static GoTemplateCollection Compile(params (string Name, string Text)[] files) =>
        new GoTemplateRenderer(options: GoTemplateOptions.Helm).CompileCollection(files.Select(f => KeyValuePair.Create(f.Name, f.Text)));

    private static Dictionary<string, object?> Dot(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    [Fact]
    public void ADefinitionOfAnyFileIsVisibleToEveryFile()
    {
        var chart = Compile(
            ("web/templates/cm.yaml", "name: {{ include \"web.name\" . }}"),
            ("web/templates/_helpers.tpl", "{{- define \"web.name\" -}}{{ .n }}{{- end }}"));
        Assert.Equal("name: web", chart.Render("web/templates/cm.yaml", Dot(("n", "web"))));
    }

    [Fact]
    public void AParentChartsDefinitionReplacesItsSubchartsDefinitionOfTheSameName()
    {
        // Helm parses deeper paths first, so the parent's define, parsed last, wins everywhere.
        var chart = Compile(
            ("parent/templates/_helpers.tpl", "{{ define \"name\" }}parent{{ end }}"),
            ("parent/charts/sub/templates/_helpers.tpl", "{{ define \"name\" }}sub{{ end }}"),
            ("parent/charts/sub/templates/cm.yaml", "{{ template \"name\" }}"));
        Assert.Equal("parent", chart.Render("parent/charts/sub/templates/cm.yaml", null));
    }

    [Fact]
    public void FilesOfOneDepthAreParsedInReverseOrdinalOrderSoTheFirstNameWins()
    {
        var chart = Compile(
            ("c/templates/a.tpl", "{{ define \"x\" }}from a{{ end }}"),
            ("c/templates/b.tpl", "{{ define \"x\" }}from b{{ end }}"),
            ("c/templates/cm.yaml", "{{ template \"x\" }}"));
        Assert.Equal("from a", chart.Render("c/templates/cm.yaml", null));
    }

    [Fact]
    public void AnEmptyDefinitionNeverReplacesATemplate()
    {
        var chart = Compile(
            ("c/templates/b.tpl", "{{ define \"x\" }}kept{{ end }}"),
            ("c/templates/a.tpl", "{{ define \"x\" }}  {{ end }}"),
            ("c/templates/cm.yaml", "{{ template \"x\" }}"));
        Assert.Equal("kept", chart.Render("c/templates/cm.yaml", null));
    }

    [Fact]
    public void ANameDefinedTwiceInOneFileIsASyntaxErrorButAcrossFilesIsNot()
    {
        var e = Assert.Throws<TemplateException>(() => Compile(("c/templates/a.tpl", "{{ define \"x\" }}1{{ end }}\n{{ define \"x\" }}2{{ end }}")));
        Assert.Equal("template: c/templates/a.tpl:2: template: multiple definition of template \"x\"", e.GoMessage);
        Compile(("c/templates/a.tpl", "{{ define \"x\" }}1{{ end }}"), ("c/templates/b.tpl", "{{ define \"x\" }}2{{ end }}"));
    }

    [Fact]
    public void ASyntaxErrorNamesItsFileAndLineAsGoAndHelmWordIt()
    {
        var e = Assert.Throws<TemplateException>(() => Compile(("c/templates/ok.yaml", "a"), ("c/templates/x.yaml", "a: 1\nb: {{ nope }}")));
        Assert.Equal(TemplateErrorIds.SyntaxError, e.ErrorId);
        Assert.Equal(("c/templates/x.yaml", 2), (e.SourceName, e.Line));
        Assert.Equal("template: c/templates/x.yaml:2: function \"nope\" not defined", e.GoMessage);
        Assert.Equal("parse error at (c/templates/x.yaml:2): function \"nope\" not defined", e.HelmMessage);
    }

    [Fact]
    public void AnErrorInAnIncludedTemplateIsPlacedInTheFileThatHoldsItAndWrappedByTheCaller()
    {
        var chart = Compile(
            ("c/templates/cm.yaml", "x: {{ include \"x\" . }}"),
            ("c/templates/_helpers.tpl", "{{- define \"x\" }}\n\n  {{ .a.b }}{{ end }}"));
        var e = Assert.Throws<TemplateException>(() => chart.Render("c/templates/cm.yaml", Dot(("a", null))));
        Assert.Equal(
            "template: c/templates/cm.yaml:1:6: executing \"c/templates/cm.yaml\" at <include \"x\" .>: error calling include: "
            + "template: c/templates/_helpers.tpl:3:5: executing \"x\" at <.a.b>: nil pointer evaluating interface {}.b",
            e.GoMessage);
        Assert.Equal(("c/templates/cm.yaml", 1, 7), (e.SourceName, e.Line, e.Column));
    }

    [Fact]
    public void RenderingAnUnknownNameIsGosNoTemplateError()
    {
        var chart = Compile(("c/templates/cm.yaml", "a"));
        var e = Assert.Throws<TemplateException>(() => chart.Render("c/templates/nope.yaml", null));
        Assert.Equal("template: no template \"c/templates/nope.yaml\" associated with template \"gotpl\"", e.GoMessage);
    }

    [Fact]
    public void NamesHoldTheFilesAndTheirDefinitions()
    {
        var chart = Compile(("c/templates/cm.yaml", "a"), ("c/templates/_helpers.tpl", "{{ define \"c.name\" }}c{{ end }}"));
        Assert.Equal(["c.name", "c/templates/_helpers.tpl", "c/templates/cm.yaml"], chart.Names);
        Assert.True(chart.Has("c.name"));
        Assert.False(chart.Has("c/templates/other.yaml"));
    }

    [Fact]
    public void ATemplateThatChangesTheValuesChangesThemForTheNextTemplate()
    {
        // Go passes maps by reference: Helm's templates share one values tree.
        var chart = Compile(("c/templates/a.yaml", "{{ $_ := set .Values \"seen\" \"yes\" }}"), ("c/templates/b.yaml", "{{ .Values.seen }}"));
        var dot = Dot(("Values", Dot()));
        chart.Render("c/templates/a.yaml", dot);
        Assert.Equal("yes", chart.Render("c/templates/b.yaml", dot));
    }
}
