using Sveltos.Engine.Helm.Sources;

namespace Sveltos.Engine.Tests.Helm.Sources;

public class VersionConstraintTests
{
    [Theory]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData("=1.2.3", "v1.2.3", true)]
    [InlineData("!=1.2.3", "1.2.4", true)]
    [InlineData("!=1.2.3", "1.2.3", false)]
    [InlineData("~1.2", "1.2.9", true)]
    [InlineData("~1.2", "1.3.0", false)]
    [InlineData("~1.2.3", "1.2.2", false)]
    [InlineData("~1", "1.9.0", true)]
    [InlineData("~1", "2.0.0", false)]
    [InlineData("^1", "1.99.0", true)]
    [InlineData("^1", "2.0.0", false)]
    [InlineData("^1.2.3", "1.2.2", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^0", "0.9.9", true)]
    [InlineData(">=1.2 <2", "1.9.9", true)]
    [InlineData(">=1.2 <2", "2.0.0", false)]
    [InlineData(">=1.2, <2", "1.1.9", false)]
    [InlineData("1.2.x", "1.2.7", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("1.x", "1.3.0", true)]
    [InlineData("*", "0.0.1", true)]
    [InlineData(">11", "11.1.0", false)]
    [InlineData(">11.1", "11.1.9", false)]
    [InlineData(">11.1", "11.2.0", true)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("<=1.2", "1.3.0", false)]
    [InlineData("^1 || 3.x", "3.4.0", true)]
    [InlineData("^1 || 3.x", "2.4.0", false)]
    [InlineData("1.2 - 1.4.5", "1.4.5", true)]
    [InlineData("1.2 - 1.4.5", "1.4.6", false)]
    [InlineData("1.2 - 1.4.5", "1.1.9", false)]
    public void A_version_satisfies_a_constraint_as_Masterminds_semver_decides(string constraint, string version, bool expected) =>
        Assert.Equal(expected, VersionConstraint.Parse(constraint).IsSatisfiedBy(version));

    [Theory]
    [InlineData("*", "1.3.0-beta.1", false)]
    [InlineData("^1.2", "1.3.0-beta.1", false)]
    [InlineData(">=1.2.0-0", "1.3.0-beta.1", true)]
    [InlineData("^1.2.0-alpha", "1.9.0-rc.1", true)]
    [InlineData("^1.2.0-beta", "1.2.0-alpha", false)]
    [InlineData("!=1.2.3", "1.2.4-beta", true)]
    public void A_prerelease_only_satisfies_a_constraint_that_has_one(string constraint, string version, bool expected) =>
        Assert.Equal(expected, VersionConstraint.Parse(constraint).IsSatisfiedBy(version));

    [Theory]
    [InlineData("latest")]
    [InlineData("")]
    [InlineData(">=1.2 <")]
    [InlineData("1.2.3 ||")]
    public void A_text_that_is_no_constraint_is_an_improper_constraint(string text)
    {
        var e = Assert.Throws<ChartSourceException>(() => VersionConstraint.Parse(text));
        Assert.Equal(ChartSourceErrorIds.InvalidConstraint, e.ErrorId);
        Assert.StartsWith("improper constraint: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_that_is_no_version_satisfies_nothing() =>
        Assert.False(VersionConstraint.Parse("*").IsSatisfiedBy("banana"));

    [Theory]
    [InlineData("", "2.1.0")]
    [InlineData("~1.2", "1.2.10")]
    [InlineData("^1", "1.3.0")]
    [InlineData(">=1.2 <2", "1.3.0")]
    [InlineData("1.2.10", "1.2.10")]
    [InlineData(">=2.2.0-0", "2.2.0-rc.1")]
    [InlineData("9.x", null)]
    public void The_newest_matching_version_is_picked(string requested, string? expected)
    {
        string[] versions = ["1.2.3", "2.2.0-rc.1", "1.2.10", "1.3.0", "2.1.0", "0.9.0", "not-a-version"];
        var newestFirst = ChartVersions.Descending(versions, v => v);
        Assert.Equal(["2.2.0-rc.1", "2.1.0", "1.3.0", "1.2.10", "1.2.3", "0.9.0", "not-a-version"], newestFirst);
        Assert.Equal(expected, ChartVersions.Pick(newestFirst, v => v, requested));
    }
}
