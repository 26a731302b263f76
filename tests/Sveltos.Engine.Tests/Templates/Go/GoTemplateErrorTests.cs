using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;
using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

public class GoTemplateErrorTests
{
    [Theory]
    [InlineData("{{ .name", 1, 1, "unclosed action")]
    [InlineData("a\n{{ nope 1 }}", 2, 4, "function \"nope\" not defined")]
    [InlineData("{{ if true }}x", 1, 15, "unexpected EOF")]
    [InlineData("{{ end }}", 1, 4, "unexpected {{end}}")]
    [InlineData("{{ $x }}", 1, 4, "undefined variable \"$x\"")]
    [InlineData("{{ $x = 1 }}", 1, 4, "undefined variable \"$x\"")]
    [InlineData("{{ break }}", 1, 4, "{{break}} outside {{range}}")]
    [InlineData("{{ \"abc }}", 1, 4, "unterminated quoted string")]
    [InlineData("{{ /* x */ }}", 1, 4, "unexpected")]
    [InlineData("{{ define \"a\" }}1{{ end }}{{ define \"a\" }}2{{ end }}", 1, 27, "multiple definition of template \"a\"")]
    [InlineData("{{ 1 | 2 }}", 1, 8, "non executable command in pipeline stage 2")]
    [InlineData("{{ print \"a\"\"b\" }}", 1, 13, "in operand")]
    public void SyntaxErrorsNameTheLineAndColumn(string text, int line, int column, string message)
    {
        var e = Assert.Throws<TemplateException>(() => new GoTemplateRenderer().Compile(text, "web.yaml"));
        Assert.Equal(TemplateErrorIds.SyntaxError, e.ErrorId);
        Assert.Contains(message, e.Problem, StringComparison.Ordinal);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.StartsWith($"web.yaml ({line},{column}): ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKeyIsAnErrorWithSveltosOptions()
    {
        var e = Fails("line1\n  {{ .labels.zone }}", options: GoTemplateOptions.Sveltos);
        Assert.Equal(TemplateErrorIds.MissingKey, e.ErrorId);
        Assert.Equal("executing \"t\" at <.labels.zone>: map has no entry for key \"zone\"", e.Problem);
        Assert.Equal((2, 6), (e.Line, e.Column));
    }

    [Fact]
    public void MissingKeyPrintsNoValueWithHelmOptions() =>
        Assert.Equal("<no value>", Render("{{ .labels.zone }}", options: GoTemplateOptions.Helm));

    [Fact]
    public void MissingKeyIsZeroWithTheZeroOption() =>
        Assert.Equal("<no value>", Render("{{ .labels.zone }}", options: new GoTemplateOptions { MissingKey = GoMissingKey.Zero }));

    [Fact]
    public void AFieldOfAMissingMapIsANilPointerError()
    {
        var e = Fails("{{ .missing.x }}");
        Assert.Contains("nil pointer evaluating interface {}.x", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ .name.x }}", "can't evaluate field x in type string")]
    [InlineData("{{ eq 1 1.5 }}", "error calling eq: incompatible types for comparison")]
    [InlineData("{{ lt true false }}", "invalid type for comparison")]
    [InlineData("{{ index .list 5 }}", "index out of range: 5")]
    [InlineData("{{ upper 3 }}", "at <3>: expected string; found 3")]
    [InlineData("{{ upper nil }}", "at <nil>: cannot assign nil to string")]
    [InlineData("{{ upper .missing }}", "at <.missing>: wrong type for value; expected string; got interface {}")]
    [InlineData("{{ upper .none }}", "at <.none>: wrong type for value; expected string; got interface {}")]
    [InlineData("{{ upper (.missing) }}", "at <.missing>: invalid value; expected string")]
    [InlineData("{{ .missing | trunc 63 }}", "at <63>: invalid value; expected string")]
    [InlineData("{{ .none | upper }}", "at <upper>: invalid value; expected string")]
    [InlineData("{{ .replicas | upper }}", "at <upper>: wrong type for value; expected string; got int")]
    [InlineData("{{ len 3 }}", "len of type int")]
    [InlineData("{{ index .list }}{{ eq 1 }}", "missing argument for comparison")]
    [InlineData("{{ trunc 1 }}", "wrong number of args for trunc: want 2 got 1")]
    [InlineData("{{ .name 1 }}", "name is not a method but has arguments")]
    [InlineData("{{ template \"nope\" }}", "template \"nope\" not defined")]
    [InlineData("{{ div 1 0 }}", "integer divide by zero")]
    [InlineData("{{ range \"abc\" }}{{ end }}", "range can't iterate over abc")]
    [InlineData("{{ nil }}", "nil is not a command")]
    [InlineData("{{ 3 | print | 4 }}", "")]
    public void RuntimeErrorsAreWordedAsGoWordsThem(string text, string message)
    {
        if (message.Length == 0)
        {
            Assert.Throws<TemplateException>(() => new GoTemplateRenderer().Compile(text, "t"));
            return;
        }

        var e = Fails(text);
        Assert.Contains(message, e.Problem, StringComparison.Ordinal);
        Assert.StartsWith("executing \"t\"", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsInsideADefinedTemplateNameThatTemplate()
    {
        var e = Fails("{{ define \"inner\" }}\n{{ .x.y }}{{ end }}{{ template \"inner\" .labels }}");
        Assert.StartsWith("executing \"inner\" at <.x.y>", e.Problem, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData("{{ getHostByName \"example.com\" }}")]
    [InlineData("{{ lookup \"v1\" \"Secret\" \"ns\" \"x\" }}")]
    public void TemplatesCannotReachOutside(string text) =>
        Assert.Equal(TemplateErrorIds.Forbidden, Fails(text, options: GoTemplateOptions.Sveltos).ErrorId);

    [Fact]
    public void LoopsStopAtTheLoopLimit()
    {
        var limits = new TemplateLimits { MaxLoopIterations = 100 };
        Assert.Equal(TemplateErrorIds.LimitExceeded, Fails("{{ range 101 }}{{ end }}", limits: limits).ErrorId);
        Assert.Equal(TemplateErrorIds.LimitExceeded, Fails("{{ range 10 }}{{ range 11 }}{{ end }}{{ end }}", limits: limits).ErrorId);
        Assert.Equal(TemplateErrorIds.LimitExceeded, Fails("{{ until 1000 }}", limits: limits).ErrorId);
        Assert.Equal("", Render("{{ range 100 }}{{ end }}", limits: limits));
    }

    [Fact]
    public void OutputStopsAtTheOutputLimit()
    {
        var limits = new TemplateLimits { MaxOutputLength = 50 };
        Assert.Equal(TemplateErrorIds.LimitExceeded, Fails("{{ range 10 }}0123456789{{ end }}", limits: limits).ErrorId);
        Assert.Equal(TemplateErrorIds.LimitExceeded, Fails("{{ $x := repeat 100 \"ab\" }}", limits: limits).ErrorId);
    }

    [Fact]
    public void RenderingStopsAtTheTimeout()
    {
        var limits = new TemplateLimits { Timeout = TimeSpan.FromMilliseconds(200), MaxLoopIterations = int.MaxValue, MaxOutputLength = int.MaxValue };
        var e = Fails("{{ range 100000 }}{{ range 100000 }}{{ end }}{{ end }}", limits: limits);
        Assert.Equal(TemplateErrorIds.Timeout, e.ErrorId);
    }

    [Fact]
    public void CancellationIsReportedAsCancellation()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var template = new GoTemplateRenderer().Compile("{{ range 10 }}x{{ end }}", "t");
        Assert.Throws<OperationCanceledException>(() => template.Render((object?)Values, cancel.Token));
    }
}
