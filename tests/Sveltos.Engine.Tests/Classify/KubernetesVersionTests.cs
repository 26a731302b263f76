using Sveltos.Engine.Classify;
using Xunit;

namespace Sveltos.Engine.Tests.Classify;

public sealed class KubernetesVersionTests
{
    [Theory]
    [InlineData("v1.29.4", 1, 29, 4)]
    [InlineData("1.28.0", 1, 28, 0)]
    [InlineData("v1.30.1+k3s1", 1, 30, 1)]
    [InlineData("v1.28.3-eks-4f4795d", 1, 28, 3)]
    [InlineData("v1.27.3-gke.100", 1, 27, 3)]
    [InlineData("1.28", 1, 28, 0)]
    public void Reads_versions_as_clusters_report_them(string text, int major, int minor, int patch)
    {
        var version = KubernetesVersion.Parse(text);
        Assert.Equal((major, minor, patch), (version.Major, version.Minor, version.Patch));
        Assert.Null(version.PreRelease);
    }

    [Theory]
    [InlineData("")]
    [InlineData("one.two")]
    [InlineData("1")]
    [InlineData("v1.x.0")]
    [InlineData("~>1.28")]
    [InlineData("1.28.0 ")]
    [InlineData("99999999999.1.0")]
    public void Rejects_what_is_not_a_version(string text)
    {
        Assert.False(KubernetesVersion.TryParse(text, out _, out var problem));
        Assert.Contains(text, problem);
        var error = Assert.Throws<SveltosException>(() => KubernetesVersion.Parse(text));
        Assert.Equal(ClassifierErrorIds.InvalidKubernetesVersion, error.ErrorId);
    }

    [Theory]
    [InlineData("v1.28.3-eks-4f4795d", "1.28.3", 0)]
    [InlineData("v1.30.1+k3s1", "1.30.1", 0)]
    [InlineData("v1.30.1+k3s1", "1.30.0", 1)]
    [InlineData("v1.29.10", "1.29.9", 1)]
    [InlineData("v1.30.0-rc.1", "1.30.0", -1)]
    [InlineData("v1.30.0-rc.2", "v1.30.0-rc.10", -1)]
    [InlineData("v1.30.0-beta.0", "v1.30.0-rc.0", -1)]
    [InlineData("v2.0.0", "1.99.99", 1)]
    public void Compares_semantically(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(KubernetesVersion.Parse(left).CompareTo(KubernetesVersion.Parse(right))));

    [Theory]
    [InlineData(VersionComparison.Equal, "v1.29.4", "1.29.4", true)]
    [InlineData(VersionComparison.Equal, "v1.29.4", "1.29.5", false)]
    [InlineData(VersionComparison.NotEqual, "v1.29.4", "1.29.5", true)]
    [InlineData(VersionComparison.NotEqual, "v1.29.4+k3s1", "1.29.4", false)]
    [InlineData(VersionComparison.GreaterThan, "v1.29.4", "1.29.3", true)]
    [InlineData(VersionComparison.GreaterThan, "v1.29.4", "1.29.4", false)]
    [InlineData(VersionComparison.LessThan, "v1.28.3-eks-4f4795d", "1.29.0", true)]
    [InlineData(VersionComparison.LessThan, "v1.30.0", "1.30.0", false)]
    [InlineData(VersionComparison.GreaterThanOrEqualTo, "v1.28.0", "1.28.0", true)]
    [InlineData(VersionComparison.GreaterThanOrEqualTo, "v1.27.9", "1.28.0", false)]
    [InlineData(VersionComparison.LessThanOrEqualTo, "v1.30.1+k3s1", "1.30.1", true)]
    [InlineData(VersionComparison.LessThanOrEqualTo, "v1.30.2", "1.30.1", false)]
    public void Each_comparison_holds_as_named(VersionComparison comparison, string cluster, string constraint, bool expected) =>
        Assert.Equal(expected, new VersionConstraint(comparison, KubernetesVersion.Parse(constraint)).IsSatisfiedBy(KubernetesVersion.Parse(cluster)));
}
