using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.KubeSim;

namespace Sveltos.Engine.Tests.Support;

/// <summary>A KubeSim process-in-test with a management cluster and workload clusters, over real HTTPS.</summary>
public sealed class KubeSimFleet : IAsyncLifetime
{
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("sveltos-kubesim-").FullName;

    public KubeSimServer Server { get; private set; } = null!;

    public string Kubeconfig => Server.KubeconfigPath;

    public IReadOnlyList<string> WorkloadClusters => ["c1", "c2", "c3"];

    public async Task InitializeAsync()
    {
        var options = KubeSimOptions.For(WorkloadClusters, "mgmt");
        options.KubeconfigPath = Path.Combine(directory, "kubeconfig");
        Server = await KubeSimServer.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.Directory.Delete(directory, recursive: true);
    }

    public KubeClient Client(string context, KubeClientOptions? options = null) =>
        KubeClientFactory.Create(KubeconfigLoader.LoadFiles([Kubeconfig]).Resolve(context), options);

    public ManagementClusterFleet ManagementFleet() => new(Client("mgmt"));

    public ContextConnection Connection(string context) => new(context, [Kubeconfig]);
}
