using k8s;

namespace Sveltos.KubeSim.Tests.Infrastructure;

/// <summary>One in-process KubeSim per test class: a management cluster and two workload clusters, over TLS.</summary>
public class KubeSimFixture : IAsyncLifetime
{
    public KubeSimServer Server { get; private set; } = null!;

    public string CacheDirectory { get; } = Directory.CreateTempSubdirectory("kubesim-kubectl-cache-").FullName;

    protected virtual KubeSimOptions Options()
    {
        var options = KubeSimOptions.For(["prod-1", "dev-1"], management: "mgmt");
        options.RuntimeDelay = TimeSpan.FromMilliseconds(50);
        options.BookmarkInterval = TimeSpan.FromMilliseconds(300);
        return options;
    }

    public async Task InitializeAsync() => Server = await KubeSimServer.StartAsync(Options());

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(CacheDirectory, recursive: true);
    }

    public Kubectl Kubectl(string context = "prod-1") => new(Server.KubeconfigPath, CacheDirectory, context);

    public IKubernetes Client(string context = "prod-1") =>
        new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Server.KubeconfigPath, currentContext: context));

    /// <summary>A namespace of its own for one test, so tests sharing a cluster never see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync(string context = "prod-1")
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        using var client = Client(context);
        await client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new k8s.Models.V1ObjectMeta { Name = name } });
        return name;
    }
}
