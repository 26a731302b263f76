using Sveltos.Engine.Text;

namespace Sveltos.Engine.Tests.Text;

public class SpellingTests
{
    private static readonly string[] Fields = ["policyRefs", "helmCharts", "kustomizationRefs", "tier", "name", "namespace", "syncMode"];

    [Theory]
    [InlineData("policyref", "policyRefs")]
    [InlineData("POLICYREFS", "policyRefs")]
    [InlineData("helmchart", "helmCharts")]
    [InlineData("nmae", "name")]
    [InlineData("namesapce", "namespace")]
    [InlineData("synMode", "syncMode")]
    [InlineData("kustomisationRefs", "kustomizationRefs")]
    public void A_near_miss_suggests_the_field_meant(string given, string meant)
    {
        Assert.Equal(meant, Spelling.Closest(given, Fields));
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("values")]
    [InlineData("tie")]
    public void A_name_close_to_nothing_or_to_several_suggests_nothing(string given)
    {
        Assert.Null(Spelling.Closest(given, given == "tie" ? ["tier", "time"] : Fields));
    }

    [Theory]
    [InlineData("ClusterProfile", "clusterprofile", 0)]
    [InlineData("ClusterProfle", "ClusterProfile", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_ignoring_case(string a, string b, int expected)
    {
        Assert.Equal(expected, Spelling.Distance(a, b));
        Assert.Equal(expected, Spelling.Distance(b, a));
    }
}
