using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Tests.Templates;

public class TemplateSyntaxErrorTests
{
    private static TemplateException CompileFails(string text) =>
        Assert.Throws<TemplateException>(() => new TemplateRenderer().Compile(text, "fleet/web ConfigMap fleet/web key 'app.yaml'"));

    [Fact]
    public void A_syntax_error_names_source_line_and_column()
    {
        var error = CompileFails("apiVersion: v1\ndata:\n  size: {{ 1 + }}\n");
        Assert.Equal(TemplateErrorIds.SyntaxError, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 10, $"column {error.Column}");
        Assert.StartsWith("fleet/web ConfigMap fleet/web key 'app.yaml' (3,", error.Message);
    }

    [Fact]
    public void A_block_without_end_is_a_syntax_error()
    {
        var error = CompileFails("{{ if cluster_name == \"a\" }}\nx: 1\n");
        Assert.Equal(TemplateErrorIds.SyntaxError, error.ErrorId);
        Assert.Contains("end", error.Message);
    }

    [Fact]
    public void A_malformed_statement_is_a_syntax_error()
    {
        Assert.Equal(TemplateErrorIds.SyntaxError, CompileFails("{{ for in cluster.metadata.labels }}{{ end }}").ErrorId);
    }

    [Fact]
    public void Several_errors_are_counted_in_the_message()
    {
        Assert.Contains("more error", CompileFails("{{ 1 + }}\n{{ 2 * }}\n{{ end }}").Message);
    }

    [Fact]
    public void Text_without_code_compiles_to_itself()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n";
        Assert.Equal(yaml, new TemplateRenderer().Compile(yaml, "t").Render(TemplateTestData.Data()));
    }

    [Fact]
    public void Scriban_escape_blocks_keep_braces_for_the_deployed_object()
    {
        Assert.Equal("summary: {{ $labels.instance }} is down", TemplateTestData.Render("summary: {%{{{ $labels.instance }}}%} is down"));
    }
}
