using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Tests.Helm.Charts;

/// <summary>Cases from Helm's pkg/ignore rules_test.go (TestIgnore, TestParse, TestParseFail).</summary>
public class HelmIgnoreTests
{
    [Theory]
    [InlineData("helm.txt", "helm.txt", false, true)]
    [InlineData("helm.*", "helm.txt", false, true)]
    [InlineData("helm.*", "rudder.txt", false, false)]
    [InlineData("*.txt", "tiller.txt", false, true)]
    [InlineData("*.txt", "cargo/a.txt", false, true)]
    [InlineData("cargo/*.txt", "cargo/a.txt", false, true)]
    [InlineData("cargo/*.*", "cargo/a.txt", false, true)]
    [InlineData("cargo/*.txt", "mast/a.txt", false, false)]
    [InlineData("ru[c-e]?er.txt", "rudder.txt", false, true)]
    [InlineData("templates/.?*", "templates/.dotfile", false, true)]
    [InlineData(".*", ".", true, false)]
    [InlineData(".*", "./", true, false)]
    [InlineData(".*", ".joonix", true, true)]
    [InlineData(".*", "helm.txt", false, false)]
    [InlineData(".*", "", true, false)]
    [InlineData("cargo/", "cargo", true, true)]
    [InlineData("cargo/", "cargo/", true, true)]
    [InlineData("cargo/", "mast/", true, false)]
    [InlineData("helm.txt/", "helm.txt", false, false)]
    [InlineData("!helm.txt", "helm.txt", false, false)]
    [InlineData("!helm.txt", "tiller.txt", false, true)]
    [InlineData("!*.txt", "cargo", true, true)]
    [InlineData("!cargo/", "mast/", true, true)]
    [InlineData("/a.txt", "a.txt", false, true)]
    [InlineData("/a.txt", "cargo/a.txt", false, false)]
    [InlineData("/cargo/a.txt", "cargo/a.txt", false, true)]
    public void A_rule_ignores_what_helm_ignores(string rule, string path, bool isDirectory, bool ignored)
    {
        Assert.Equal(ignored, HelmIgnore.Parse(rule).Ignores(path, isDirectory));
    }

    [Fact]
    public void Comments_and_blank_lines_are_not_rules()
    {
        var rules = HelmIgnore.Parse("#ignore\n\n\t#ignore\nfoo\nbar/*\nbaz/bar/foo.txt\n\none/more\n");

        Assert.True(rules.Ignores("foo", false));
        Assert.True(rules.Ignores("bar/x", false));
        Assert.True(rules.Ignores("baz/bar/foo.txt", false));
        Assert.False(rules.Ignores("#ignore", false));
    }

    [Theory]
    [InlineData("foo/**/bar", "double-star")]
    [InlineData("[z-", "syntax error in pattern")]
    public void Malformed_rules_are_errors(string rule, string expected)
    {
        Assert.Contains(expected, Assert.Throws<FormatException>(() => HelmIgnore.Parse(rule)).Message);
    }

    [Fact]
    public void Without_a_helmignore_only_dot_files_in_templates_are_ignored()
    {
        var rules = HelmIgnore.Parse(null);

        Assert.True(rules.Ignores("templates/.swp", false));
        Assert.False(rules.Ignores(".helmignore", false));
        Assert.False(rules.Ignores("templates/a.yaml", false));
    }
}
