using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>What Helm's pkg/engine/engine.go adds to Go's text/template: missingkey=zero, include, tpl, required, fail, lookup.</summary>
public class GoHelmEngineTests
{
    private const string File = "c/templates/cm.yaml";

    private static readonly TemplateLimits Deep = new() { MaxRecursionDepth = 100_000, Timeout = TimeSpan.FromSeconds(30) };

    private static string Render(string text, object? dot = null, GoTemplateOptions? options = null, TemplateLimits? limits = null, string? helpers = null)
    {
        var files = new Dictionary<string, string> { [File] = text };
        if (helpers is not null)
        {
            files["c/templates/_helpers.tpl"] = helpers;
        }

        return new GoTemplateRenderer(limits, options ?? GoTemplateOptions.Helm).CompileCollection(files).Render(File, dot ?? new Dictionary<string, object?>());
    }

    private static TemplateException Fails(string text, object? dot = null, GoTemplateOptions? options = null, TemplateLimits? limits = null, string? helpers = null) =>
        Assert.Throws<TemplateException>(() => Render(text, dot, options, limits, helpers));

    private static Dictionary<string, object?> Values(string json) => (Dictionary<string, object?>)GoValues.Normalize(JsonNode.Parse(json))!;

    private static readonly GoTemplateOptions DefaultMissingKey = GoTemplateOptions.Helm with { MissingKey = GoMissingKey.Default };

    [Fact]
    public void UnderMissingKeyZeroAFieldOfAMissingKeyIsANilPointerError()
    {
        var e = Fails("{{ .missing.x }}");
        Assert.Equal($"template: {File}:1:3: executing \"{File}\" at <.missing.x>: nil pointer evaluating interface {{}}.x", e.GoMessage);
    }

    [Fact]
    public void UnderMissingKeyDefaultAFieldOfAMissingKeyIsNoValue() =>
        Assert.Equal("<no value>", Render("{{ .missing.x }}", options: DefaultMissingKey));

    [Fact]
    public void AFieldOfAKeyHoldingNullIsANilPointerErrorWhateverTheOption()
    {
        var e = Fails("{{ .a.x }}", Values("""{"a": null}"""), DefaultMissingKey);
        Assert.EndsWith("nil pointer evaluating interface {}.x", e.GoMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ $x := .missing }}{{ $x.y }}")]
    [InlineData("{{ (.missing).x }}")]
    [InlineData("{{ (.).missing }}")]
    public void AFieldOfANilVariableOrPipelineIsNoValue(string text) =>
        Assert.Equal("<no value>", Render(text));

    /// <summary>A chain's fields walk the pipeline's value: a missing key inside the chain is a nil interface{} under missingkey=zero.</summary>
    [Theory]
    [InlineData("{{ (.).missing.x }}", "1:4", "<.>")]
    [InlineData("{{ (.Values).missing.x }}", "1:4", "<.Values>")]
    [InlineData("{{ (index . \"Values\").missing.x }}", "1:12", "<\"Values\">")]
    public void UnderMissingKeyZeroAMissingKeyInsideAChainIsANilPointerErrorAtTheLastEvaluatedNode(string text, string location, string context)
    {
        var dot = Values("""{"Values": {}}""");
        Assert.Equal($"template: {File}:{location}: executing \"{File}\" at {context}: nil pointer evaluating interface {{}}.x", Fails(text, dot).GoMessage);
        Assert.Equal("<no value>", Render(text, dot, DefaultMissingKey));
    }

    [Theory]
    [InlineData("{{ (.).x }}")]
    [InlineData("{{ (.Values).missing }}")]
    [InlineData("{{ (.Values.missing).x.y }}")]
    public void AChainEndingAtAMissingKeyIsNoValueUnderEitherOption(string text)
    {
        var dot = Values("""{"Values": {}}""");
        Assert.Equal("<no value>", Render(text, dot));
        Assert.Equal("<no value>", Render(text, dot, DefaultMissingKey));
    }

    [Fact]
    public void UnderMissingKeyErrorNilDataHasNoEntry()
    {
        var e = Fails("{{ $x := .a }}{{ $x.y }}", Values("""{"a": null}"""), GoTemplateOptions.Helm with { MissingKey = GoMissingKey.Error });
        Assert.EndsWith("at <$x.y>: nil data; no entry for key \"y\"", e.GoMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludeStopsAtHelmsRecursionLimitWithHelmsError()
    {
        var e = Fails("{{ include \"recursion\" . }}", limits: Deep, helpers: "{{ define \"recursion\" }}{{ include \"recursion\" . }}{{ end }}");
        Assert.EndsWith("error calling include: rendering template has a nested reference name: recursion: unable to execute template", e.GoMessage, StringComparison.Ordinal);
        Assert.StartsWith($"template: {File}:1:3: executing \"{File}\" at <include \"recursion\" ...>: error calling include: template: c/templates/_helpers.tpl:1:27: executing \"recursion\"", e.GoMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludingOneTemplateThousandsOfTimesInARowIsFine()
    {
        var text = string.Concat(Enumerable.Repeat("{{ include \"overlook\" . }}", 4000));
        var output = Render(text, limits: Deep, helpers: "{{ define \"overlook\" }}{{ printf \"All work and no play makes Jack a dull boy\\n\" }}{{ end }}");
        Assert.Equal(4000, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void TplParsesUnderGotplAndWrapsAParseErrorAsHelmDoes()
    {
        var e = Fails("{{ tpl \"{{ nope }}\" . }}");
        Assert.Equal($"template: {File}:1:3: executing \"{File}\" at <tpl \"{{{{ nope }}}}\" .>: error calling tpl: cannot parse template \"{{{{ nope }}}}\": template: gotpl:1: function \"nope\" not defined", e.GoMessage);
    }

    [Fact]
    public void TplWrapsAnExecutionErrorAsHelmDoes()
    {
        var e = Fails("{{ tpl \"{{ .a.b }}\" . }}", Values("""{"a": null}"""));
        Assert.EndsWith("error calling tpl: error during tpl function execution for \"{{ .a.b }}\": template: gotpl:1:3: executing \"gotpl\" at <.a.b>: nil pointer evaluating interface {}.b", e.GoMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TplSeesTheChartsDefinitionsAndItsOwnOnlyWhileItRuns()
    {
        Assert.Equal("in helper", Render("{{ tpl \"{{ define \\\"t\\\" }}in{{ end }}{{ include \\\"t\\\" . }} {{ include \\\"h\\\" . }}\" . }}", helpers: "{{ define \"h\" }}helper{{ end }}"));
        var e = Fails("{{ tpl \"{{ define \\\"t\\\" }}in{{ end }}\" . }}{{ include \"t\" . }}");
        Assert.EndsWith("error calling include: template: no template \"t\" associated with template \"gotpl\"", e.GoMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TplDropsNoValueFromItsResult() =>
        Assert.Equal("ab", Render("{{ tpl \"a{{ .missing }}b\" . }}"));

    [Fact]
    public void RequiredIsReportedAloneAtTheRenderedFilesLocation()
    {
        var e = Fails("a: 1\nb: {{ required \"b is required\" .Values.b }}", Values("""{"Values": {}}"""));
        Assert.Equal(TemplateErrorIds.MissingKey, e.ErrorId);
        Assert.Equal($"execution error at ({File}:2:6): b is required", e.HelmMessage);
        Assert.Equal($"template: {File}:2:6: executing \"{File}\" at <required \"b is requi...>: error calling required: b is required", e.GoMessage);
    }

    [Fact]
    public void RequiredAcceptsFalseAndZeroButNotAnEmptyString()
    {
        Assert.Equal("false0", Render("{{ required \"x\" false }}{{ required \"x\" 0 }}"));
        Assert.Equal($"execution error at ({File}:1:3): x", Fails("{{ required \"x\" \"\" }}").HelmMessage);
    }

    [Fact]
    public void FailInAnIncludedTemplateIsReportedAtTheIncludingFile()
    {
        var e = Fails("{{ include \"h\" . }}", helpers: "{{ define \"h\" }}\n{{ fail \"no way\" }}{{ end }}");
        Assert.Equal($"execution error at ({File}:1:3): no way", e.HelmMessage);
    }

    [Fact]
    public void LookupFindsNothingWithHelmsDefault() =>
        Assert.Equal("0 map[]", Render("{{ lookup \"v1\" \"Secret\" \"ns\" \"x\" | len }} {{ lookup \"v1\" \"Secret\" \"ns\" \"\" }}"));

    [Fact]
    public void LookupIsAnsweredByTheOptionsDelegate()
    {
        var options = GoTemplateOptions.Helm with
        {
            Lookup = (apiVersion, kind, ns, name) => name == "boom"
                ? throw new GoCallException("the cluster is unreachable")
                : new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = new JsonObject { ["namespace"] = ns, ["name"] = name } },
        };
        Assert.Equal("v1 Secret ns/x", Render("{{ $s := lookup \"v1\" \"Secret\" \"ns\" \"x\" }}{{ $s.apiVersion }} {{ $s.kind }} {{ $s.metadata.namespace }}/{{ $s.metadata.name }}", options: options));
        var e = Fails("{{ lookup \"v1\" \"Secret\" \"ns\" \"boom\" }}", options: options);
        Assert.EndsWith("error calling lookup: the cluster is unreachable", e.GoMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueWithMethodsAnswersMethodCallsAndFields()
    {
        var dot = new Dictionary<string, object?> { ["Files"] = new Files() };
        Assert.Equal("content of a.txt 2", Render("{{ .Files.Get \"a.txt\" }} {{ .Files.Count }}", dot));
        Assert.EndsWith("at <.Files.Get>: wrong number of args for Get: want 1 got 0", Fails("{{ .Files.Get }}", dot).GoMessage, StringComparison.Ordinal);
        Assert.EndsWith("Count has arguments but cannot be invoked as function", Fails("{{ .Files.Count 1 }}", dot).GoMessage, StringComparison.Ordinal);
        Assert.EndsWith("can't evaluate field Nope in type engine.files", Fails("{{ .Files.Nope }}", dot).GoMessage, StringComparison.Ordinal);
    }

    private sealed class Files : GoObject
    {
        public override string GoTypeName => "engine.files";

        public override GoMethod? GetMethod(string name) =>
            name == "Get" ? new GoMethod(1, args => $"content of {args[0]}") : null;

        public override bool TryGetField(string name, out object? value)
        {
            value = name == "Count" ? 2L : null;
            return name == "Count";
        }
    }
}
