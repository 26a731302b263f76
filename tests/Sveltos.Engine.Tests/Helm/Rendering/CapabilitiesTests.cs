using Sveltos.Engine.Helm.Rendering;

using Sveltos.Engine.Helm;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class CapabilitiesTests
{
    [Fact]
    public void The_default_is_Helm_3_21s_Kubernetes_version()
    {
        var capabilities = HelmCapabilities.For(null, null);

        Assert.Equal(("v1.36.0", "1", "36"), (capabilities.KubeVersion.Version, capabilities.KubeVersion.Major, capabilities.KubeVersion.Minor));
        Assert.True(capabilities.APIVersions.Has("apps/v1"));
        Assert.True(capabilities.APIVersions.Has("apiextensions.k8s.io/v1"));
        Assert.False(capabilities.APIVersions.Has("apps/v1/Deployment"));
        Assert.StartsWith("v3.21.", capabilities.HelmVersion.Version);
    }

    [Theory]
    [InlineData("1.30", "v1.30.0", "1", "30")]
    [InlineData("v1.29.3", "v1.29.3", "1", "29")]
    [InlineData("1.31.0-rc.1+k3s1", "v1.31.0-rc.1+k3s1", "1", "31")]
    [InlineData("2", "v2.0.0", "2", "0")]
    public void Kube_version_is_read_like_Helm(string text, string version, string major, string minor)
    {
        var kube = HelmKubeVersion.Parse(text);

        Assert.Equal((version, major, minor), (kube.Version, kube.Major, kube.Minor));
    }

    [Fact]
    public void A_bad_kube_version_is_an_error_in_Helms_words()
    {
        Assert.Equal("invalid kube version 'one.two': Invalid Semantic Version", Assert.Throws<HelmException>(() => HelmKubeVersion.Parse("one.two")).Message);
    }

    [Fact]
    public void Extra_api_versions_are_added()
    {
        Assert.True(HelmCapabilities.For("1.30", ["monitoring.coreos.com/v1/ServiceMonitor"]).APIVersions.Has("monitoring.coreos.com/v1/ServiceMonitor"));
    }
}
