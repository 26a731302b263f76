namespace Sveltos.KubeSim.Tests.Infrastructure;

/// <summary>A KubeSim serving plain HTTP (for raw HttpClient checks): one cluster.</summary>
public sealed class PlainHttpFixture : KubeSimFixture
{
    protected override KubeSimOptions Options()
    {
        var options = KubeSimOptions.For(["plain"]);
        options.Tls = false;
        return options;
    }
}
