using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Tests.Selection;

public class LabelSelectorMatchTests
{
    private static readonly Dictionary<string, string> ProdWeb = new() { ["env"] = "prod", ["tier"] = "web", ["zone"] = "" };

    [Theory]
    [InlineData("env=prod", true)]
    [InlineData("env==prod", true)]
    [InlineData("env=dev", false)]
    [InlineData("env!=dev", true)]
    [InlineData("env!=prod", false)]
    [InlineData("missing!=x", true)]
    [InlineData("tier in (web,api)", true)]
    [InlineData("tier in (api)", false)]
    [InlineData("missing in (x)", false)]
    [InlineData("tier notin (api)", true)]
    [InlineData("tier notin (web)", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("zone", true)]
    [InlineData("zone=", true)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!zone", false)]
    [InlineData("env=prod,tier in (web),!legacy", true)]
    [InlineData("env=prod,tier=api", false)]
    [InlineData("env=prod,env=dev", false)]
    public void Matches_like_kubernetes(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(ProdWeb));
    }

    [Fact]
    public void Values_are_compared_case_sensitively()
    {
        Assert.False(LabelSelector.Parse("env=Prod").Matches(ProdWeb));
    }
}
