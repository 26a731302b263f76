using System.Diagnostics;
using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

public class TemplateSandboxTests
{
    [Theory]
    [InlineData("{{ include \"/etc/passwd\" }}")]
    [InlineData("{{ include_join [\"/etc/passwd\"] }}")]
    public void Including_a_file_is_forbidden(string text)
    {
        var error = RenderFails(text);
        Assert.Equal(TemplateErrorIds.Forbidden, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("cannot read files", error.Message);
    }

    [Theory]
    [InlineData("{{ env \"HOME\" }}")]
    [InlineData("{{ expandenv \"$HOME\" }}")]
    public void Reading_environment_variables_is_forbidden(string text)
    {
        var error = RenderFails(text);
        Assert.Equal(TemplateErrorIds.Forbidden, error.ErrorId);
        Assert.Contains("environment variables", error.Message);
    }

    [Theory]
    [InlineData("{{ object.eval \"1 + 1\" }}")]
    [InlineData("{{ object.eval_template \"{{ 1 }}\" }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ date.utc_now }}")]
    [InlineData("{{ math.random 1 10 }}")]
    [InlineData("{{ math.uuid }}")]
    public void Builtins_that_compile_text_or_change_every_rendering_do_not_exist(string text)
    {
        Assert.Equal(TemplateErrorIds.MissingKey, RenderFails(text).ErrorId);
    }

    [Fact]
    public void Templates_see_no_dotnet_members_of_their_data()
    {
        Assert.Equal(TemplateErrorIds.MissingKey, RenderFails("{{ cluster.GetType }}").ErrorId);
        Assert.NotNull(RenderFails("{{ cluster_name.Length }}"));
    }

    [Fact]
    public void Builtins_cannot_be_changed_by_one_rendering_for_the_next()
    {
        Assert.NotNull(RenderFails("{{ string.upcase = 1 }}"));
        Assert.Equal("ABC", Render("{{ \"abc\" | string.upcase }}"));
    }

    [Fact]
    public void An_infinite_loop_stops_at_the_loop_limit_within_a_second()
    {
        var clock = Stopwatch.StartNew();
        var error = RenderFails("{{ while true }}x{{ end }}");
        Assert.Equal(TemplateErrorIds.LimitExceeded, error.ErrorId);
        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Contains("10000", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_loop_over_a_huge_range_stops_at_the_loop_limit()
    {
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ for i in 1..100000000 }}{{ end }}").ErrorId);
    }

    [Fact]
    public void Loop_iterations_inside_functions_count_too()
    {
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ a = [1]; for i in 1..40; a = a | array.add_range a; end; a.size }}").ErrorId);
    }

    [Fact]
    public void The_loop_limit_is_configurable()
    {
        var limits = new TemplateLimits { MaxLoopIterations = 5 };
        Assert.Equal("12345", Render("{{ for i in 1..5 }}{{ i }}{{ end }}", limits: limits));
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ for i in 1..6 }}{{ i }}{{ end }}", limits: limits).ErrorId);
    }

    [Fact]
    public void Unbounded_recursion_stops_at_the_recursion_limit()
    {
        var error = RenderFails("{{ func down(n); ret down(n + 1); end; down 1 }}");
        Assert.Equal(TemplateErrorIds.LimitExceeded, error.ErrorId);
        Assert.Contains("recursive", error.Message);
    }

    [Fact]
    public void Deeply_nested_template_text_is_a_syntax_error_not_a_crash()
    {
        var error = Assert.Throws<TemplateException>(() => new TemplateRenderer().Compile("{{ " + new string('(', 100_000) + "1" + new string(')', 100_000) + " }}", "t"));
        Assert.Equal(TemplateErrorIds.SyntaxError, error.ErrorId);
    }

    [Fact]
    public void Huge_output_stops_at_the_output_limit()
    {
        var error = RenderFails("{{ for i in 1..9000 }}{{ \"0123456789\" * 20 }}{{ end }}");
        Assert.Equal(TemplateErrorIds.LimitExceeded, error.ErrorId);
        Assert.Contains("OutputLimit", error.Message);
    }

    [Fact]
    public void A_huge_string_stops_at_the_output_limit_before_it_is_built()
    {
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ x = \"x\" * 100000000 }}").ErrorId);
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ \"x\" | string.pad_left 100000000 }}").ErrorId);
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ \"a\\nb\" | indent 1000000 }}").ErrorId);
    }

    [Fact]
    public void The_output_limit_is_configurable()
    {
        var limits = new TemplateLimits { MaxOutputLength = 10 };
        Assert.Equal("0123456789", Render("{{ \"0123456789\" }}", limits: limits));
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ \"0123456789x\" }}", limits: limits).ErrorId);
    }

    [Fact]
    public void A_template_that_outlives_the_timeout_is_stopped()
    {
        var limits = new TemplateLimits { MaxLoopIterations = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) };
        var clock = Stopwatch.StartNew();
        var error = RenderFails("{{ while true; x = 1; end }}", limits: limits);
        Assert.Equal(TemplateErrorIds.Timeout, error.ErrorId);
        Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Cancelling_the_caller_token_cancels_rendering()
    {
        var limits = new TemplateLimits { MaxLoopIterations = int.MaxValue, Timeout = TimeSpan.FromSeconds(30) };
        var template = new TemplateRenderer(limits).Compile("{{ while true; x = 1; end }}", "t");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => template.Render(Data(), cancel.Token));
    }

    [Fact]
    public void A_catastrophic_regular_expression_is_stopped_by_the_timeout()
    {
        var limits = new TemplateLimits { Timeout = TimeSpan.FromMilliseconds(300) };
        var clock = Stopwatch.StartNew();
        var error = RenderFails("{{ (\"a\" * 5000 + \"!\") | regex.match `^(\\w+\\s?)*$` }}", limits: limits);
        Assert.Equal(TemplateErrorIds.Timeout, error.ErrorId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_object_that_contains_itself_cannot_be_written()
    {
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ x = {}; x.self = x; x | to_yaml }}").ErrorId);
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ x = {}; x.self = x; x }}").ErrorId);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]\n"));
        var cluster = Cluster();
        cluster["metadata"]!["annotations"]!["bomb"] = bomb;
        var error = RenderFails("{{ cluster.metadata.annotations.bomb | from_yaml }}", Data(cluster));
        Assert.Equal(TemplateErrorIds.LimitExceeded, error.ErrorId);
        Assert.Contains("aliases", error.Message);
    }

    [Fact]
    public void Deeply_nested_yaml_and_json_are_refused_without_exhausting_the_stack()
    {
        Assert.Equal(TemplateErrorIds.LimitExceeded, RenderFails("{{ (\"[\" * 200000) | from_yaml_array }}").ErrorId);
        Assert.Equal(TemplateErrorIds.FunctionError, RenderFails("{{ (\"[\" * 200000) | from_json_array }}").ErrorId);
    }

    [Fact]
    public void Deeply_nested_data_is_refused()
    {
        JsonNode deep = new JsonObject();
        for (var i = 0; i < 150; i++)
        {
            deep = new JsonObject { ["d"] = deep };
        }

        var cluster = Cluster();
        cluster["spec"]!["deep"] = deep;
        var error = Assert.Throws<TemplateException>(() => Render("{{ cluster_name }}", Data(cluster)));
        Assert.Equal(TemplateErrorIds.LimitExceeded, error.ErrorId);
        Assert.Equal(0, error.Line);
        Assert.Contains("nested more than 100 levels", error.Message);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        Assert.Throws<ArgumentException>(() => new TemplateRenderer(new TemplateLimits { MaxLoopIterations = 0 }));
        Assert.Throws<ArgumentException>(() => new TemplateRenderer(new TemplateLimits { Timeout = TimeSpan.Zero }));
    }
}
