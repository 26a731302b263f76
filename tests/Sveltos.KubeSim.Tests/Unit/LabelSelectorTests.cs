using Sveltos.KubeSim.Store;

namespace Sveltos.KubeSim.Tests.Unit;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front", ["rank"] = "3" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (db, web)", true)]
    [InlineData("app notin (web)", false)]
    [InlineData("missing notin (web)", true)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing", true)]
    [InlineData("app=web,tier in (front,back),!missing", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData("rank>2", true)]
    [InlineData("rank<3", false)]
    public void Matches_like_the_api_server(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));

    [Theory]
    [InlineData("app in web")]
    [InlineData("a b c")]
    [InlineData("bad key=x")]
    [InlineData("rank>x")]
    public void Rejects_malformed_selectors(string selector) =>
        Assert.Throws<FormatException>(() => LabelSelector.Parse(selector));
}
