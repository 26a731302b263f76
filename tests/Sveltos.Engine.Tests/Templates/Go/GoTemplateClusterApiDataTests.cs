using System.Text.Json.Nodes;
using Sveltos.Engine.Content;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Tests.Templates.Go;

public sealed class GoTemplateClusterApiDataTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sveltos-capi-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void TemplatesReadTheInfrastructureProviderAndControlPlaneWhenKnown()
    {
        var cluster = JsonNode.Parse("""{"kind":"Cluster","metadata":{"name":"c1","namespace":"capi"}}""")!.AsObject();
        var data = new TemplateData(cluster)
        {
            InfrastructureProvider = JsonNode.Parse("""{"kind":"DockerCluster","spec":{"loadBalancer":{"imageTag":"v1"}}}""")!.AsObject(),
            KubeadmControlPlane = JsonNode.Parse("""{"kind":"KubeadmControlPlane","spec":{"replicas":3}}""")!.AsObject(),
        };
        var template = new GoTemplateRenderer().Compile("{{ .InfrastructureProvider.kind }} {{ .InfrastructureProvider.spec.loadBalancer.imageTag }} {{ .KubeadmControlPlane.spec.replicas }}", "t");
        Assert.Equal("DockerCluster v1 3", template.Render(data));
    }

    [Fact]
    public void WithoutThemTheyAreNil()
    {
        var data = new TemplateData(JsonNode.Parse("""{"kind":"SveltosCluster","metadata":{"name":"s1"}}""")!.AsObject());
        var template = new GoTemplateRenderer().Compile("{{ .InfrastructureProvider }} {{ with .KubeadmControlPlane }}x{{ else }}none{{ end }}", "t");
        Assert.Equal("<no value> none", template.Render(data));
    }

    [Fact]
    public async Task TheReferencedObjectsAreFetchedFromTheFleetForAClusterApiCluster()
    {
        File.WriteAllText(Path.Combine(root, "capi.yaml"), """
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: Cluster
            metadata: {name: c1, namespace: capi}
            spec:
              infrastructureRef: {apiVersion: infrastructure.cluster.x-k8s.io/v1beta1, kind: DockerCluster, name: c1-infra}
              controlPlaneRef: {apiVersion: controlplane.cluster.x-k8s.io/v1beta1, kind: KubeadmControlPlane, name: c1-cp, namespace: capi}
            status: {controlPlaneReady: true}
            ---
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
            kind: DockerCluster
            metadata: {name: c1-infra, namespace: capi}
            spec: {loadBalancer: {imageTag: v1}}
            ---
            apiVersion: lib.projectsveltos.io/v1beta1
            kind: SveltosCluster
            metadata: {name: s1, namespace: capi}
            spec:
              infrastructureRef: {apiVersion: infrastructure.cluster.x-k8s.io/v1beta1, kind: DockerCluster, name: c1-infra}
            """);
        using var fleet = new DirectoryFleet(root, null);
        var clusters = await fleet.GetClustersAsync(CancellationToken.None);
        var capi = clusters.Single(c => c.Name == "c1");
        var sveltos = clusters.Single(c => c.Name == "s1");

        var infrastructure = await ClusterApiReference.FetchAsync(capi, fleet, "infrastructureRef", CancellationToken.None);
        Assert.Equal("v1", (string?)infrastructure?["spec"]?["loadBalancer"]?["imageTag"]);
        Assert.Null(await ClusterApiReference.FetchAsync(capi, fleet, "controlPlaneRef", CancellationToken.None));
        Assert.Null(await ClusterApiReference.FetchAsync(sveltos, fleet, "infrastructureRef", CancellationToken.None));
        Assert.Equal(ClusterType.Capi, capi.Type);
    }
}
