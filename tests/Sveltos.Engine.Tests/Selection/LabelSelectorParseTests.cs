using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Tests.Selection;

public class LabelSelectorParseTests
{
    [Theory]
    [InlineData("env=prod", "env=prod")]
    [InlineData("env==prod", "env=prod")]
    [InlineData("env!=prod", "env!=prod")]
    [InlineData("tier in (a,b)", "tier in (a,b)")]
    [InlineData("tier notin (a, b)", "tier notin (a,b)")]
    [InlineData("tier in (b,a,b)", "tier in (a,b)")]
    [InlineData("zone", "zone")]
    [InlineData("!legacy", "!legacy")]
    [InlineData("  env = prod ,  zone ,! legacy  ", "env=prod,!legacy,zone")]
    [InlineData("zone,env=prod", "env=prod,zone")]
    [InlineData("env=", "env=")]
    [InlineData("env=,tier=web", "env=,tier=web")]
    [InlineData("app.kubernetes.io/name=web", "app.kubernetes.io/name=web")]
    [InlineData("x in (in,notin)", "x in (in,notin)")]
    [InlineData("a=in", "a=in")]
    [InlineData("tier in (a,)", "tier in (,a)")]
    [InlineData("tier\tin\t(a)", "tier in (a)")]
    public void Parses_to_the_canonical_string(string text, string canonical)
    {
        var selector = LabelSelector.Parse(text);

        Assert.Equal(canonical, selector.ToString());
        Assert.Equal(selector, LabelSelector.Parse(selector.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_selector_matches_everything(string text)
    {
        var selector = LabelSelector.Parse(text);

        Assert.True(selector.IsEverything);
        Assert.True(selector.Matches(new Dictionary<string, string>()));
        Assert.Equal("", selector.ToString());
    }

    [Fact]
    public void Requirements_carry_operator_and_values()
    {
        var selector = LabelSelector.Parse("tier notin (b,a),!legacy");

        Assert.Collection(
            selector.Requirements,
            r => Assert.Equal(("legacy", SelectorOperator.DoesNotExist, 0), (r.Key, r.Operator, r.Values.Count)),
            r =>
            {
                Assert.Equal(("tier", SelectorOperator.NotIn), (r.Key, r.Operator));
                Assert.Equal(["a", "b"], r.Values);
            });
    }

    [Theory]
    [InlineData("env=prod,tier in (a", "missing ')' at position 20")]
    [InlineData("env=prod,", "expected a requirement after ',' at position 10")]
    [InlineData(",env=prod", "expected a label key, found ',' at position 1")]
    [InlineData("env prod", "expected an operator (=, ==, !=, in, notin) or ',' after 'env', found 'prod' at position 5")]
    [InlineData("env=prod=x", "expected ',' or end of selector, found '=' at position 9")]
    [InlineData("tier in a", "expected '(' after 'in', found 'a' at position 9")]
    [InlineData("tier in ()", "the values of 'in' must not be empty at position 10")]
    [InlineData("tier in (a b)", "expected ',' or ')', found 'b' at position 12")]
    [InlineData("!", "expected a label key after '!', found end of selector at position 2")]
    [InlineData("!env=prod", "expected ',' or end of selector, found '=' at position 5")]
    [InlineData("env=(a)", "expected a value, found '(' at position 5")]
    [InlineData("replicas>3", "operator '>' is not supported in a label selector; use =, ==, !=, in, notin, a key alone or !key at position 9")]
    [InlineData("env (a)", "expected an operator (=, ==, !=, in, notin) or ',' after 'env', found '(' at position 5")]
    [InlineData("in=a", "expected a label key, found 'in' at position 1")]
    public void Syntax_errors_name_the_problem_and_position(string text, string expected)
    {
        var error = Assert.Throws<SelectorParseException>(() => LabelSelector.Parse(text));

        Assert.Equal($"invalid label selector '{text}': {expected}", error.Message);
        Assert.Equal("InvalidSelector", error.ErrorId);
        Assert.Equal(text, error.SelectorText);
    }

    [Fact]
    public void The_documented_example_message_is_exact()
    {
        var error = Assert.Throws<SelectorParseException>(() => LabelSelector.Parse("env=prod,tier in (a"));

        Assert.Equal("invalid label selector 'env=prod,tier in (a': missing ')' at position 20", error.Message);
        Assert.Equal(20, error.Position);
        Assert.Equal("missing ')'", error.Problem);
    }

    [Theory]
    [InlineData("-env=prod", "invalid label key '-env': the name part must start and end with a letter or digit and contain only letters, digits, '-', '_' or '.'", 1)]
    [InlineData("a/b/c", "invalid label key 'a/b/c': a key is a name with an optional DNS subdomain prefix and one '/' (e.g. 'example.com/my-name')", 1)]
    [InlineData("Example.com/x", "invalid label key 'Example.com/x': the prefix 'Example.com' must be a lowercase DNS subdomain of at most 253 characters", 1)]
    [InlineData("/x", "invalid label key '/x': the prefix before '/' must not be empty", 1)]
    [InlineData("example.com/", "invalid label key 'example.com/': the name part must not be empty", 1)]
    [InlineData("env=prod_", "invalid label value 'prod_': must be empty or start and end with a letter or digit and contain only letters, digits, '-', '_' or '.'", 5)]
    [InlineData("env in (ok,b@d)", "invalid label value 'b@d': must be empty or start and end with a letter or digit and contain only letters, digits, '-', '_' or '.'", 12)]
    public void Invalid_keys_and_values_are_reported_where_they_start(string text, string problem, int position)
    {
        var error = Assert.Throws<SelectorParseException>(() => LabelSelector.Parse(text));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Name_and_value_lengths_are_limited_to_63()
    {
        var ok = new string('a', 63);
        var tooLong = new string('a', 64);

        Assert.Equal($"{ok}={ok}", LabelSelector.Parse($"{ok}={ok}").ToString());
        Assert.Contains("at most 63 characters", Assert.Throws<SelectorParseException>(() => LabelSelector.Parse($"{tooLong}=x")).Message);
        Assert.Contains("at most 63 characters", Assert.Throws<SelectorParseException>(() => LabelSelector.Parse($"x={tooLong}")).Message);
        Assert.Contains("prefix", Assert.Throws<SelectorParseException>(() => LabelSelector.Parse($"{new string('a', 254)}/x")).Message);
    }

    [Fact]
    public void TryParse_reports_instead_of_throwing()
    {
        Assert.True(LabelSelector.TryParse("env=prod", out var selector, out var none));
        Assert.Equal("env=prod", selector!.ToString());
        Assert.Null(none);

        Assert.False(LabelSelector.TryParse("env in", out var bad, out var error));
        Assert.Null(bad);
        Assert.Equal("InvalidSelector", error!.ErrorId);
    }
}
