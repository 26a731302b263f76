using System.Net;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using k8s;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Client;

public sealed class TlsTransportTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    [Fact]
    public async Task The_kubeconfig_carries_the_ca_and_only_that_ca_is_trusted()
    {
        var config = KubernetesClientConfiguration.LoadKubeConfig(fixture.Server.KubeconfigPath);
        var cluster = fixture.Server["prod-1"];
        using var untrusting = new HttpClient { BaseAddress = cluster.Server };
        using var trusting = Http.For(fixture.Server, cluster);
        using var anonymous = Http.For(fixture.Server, cluster, withToken: false);

        var rejected = await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync("/version"));
        using var ok = await trusting.GetAsync("/api/v1/namespaces");
        using var unauthorized = await anonymous.GetAsync("/api/v1/namespaces");

        var entry = config.Clusters.Single(c => c.Name == "prod-1").ClusterEndpoint;
        Assert.StartsWith("https://127.0.0.1:", entry.Server);
        Assert.False(string.IsNullOrEmpty(entry.CertificateAuthorityData));
        Assert.IsType<AuthenticationException>(rejected.InnerException);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task Http2_is_negotiated_over_tls()
    {
        using var http = Http.For(fixture.Server, fixture.Server["prod-1"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Kubectl_works_over_tls_with_the_generated_ca()
    {
        var result = (await fixture.Kubectl("prod-1").RunAsync("get", "namespace", "default", "-o", "name")).Succeeded();

        Assert.Equal("namespace/default", result.Output.Trim());
    }
}

public sealed class PlainHttpTransportTests(PlainHttpFixture fixture) : IClassFixture<PlainHttpFixture>
{
    [Fact]
    public async Task Plain_http_still_requires_the_token()
    {
        var cluster = fixture.Server["plain"];
        using var anonymous = Http.For(fixture.Server, cluster, withToken: false);
        using var authorized = Http.For(fixture.Server, cluster);

        using var denied = await anonymous.GetAsync("/api/v1/namespaces");
        using var allowed = await authorized.GetAsync("/api/v1/namespaces");

        Assert.StartsWith("http://", cluster.Server.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        using var status = JsonDocument.Parse(await denied.Content.ReadAsStringAsync());
        Assert.Equal("Status", status.RootElement.GetProperty("kind").GetString());
        Assert.Equal(401, status.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Server_side_apply_accepts_yaml_bodies()
    {
        var cluster = fixture.Server["plain"];
        using var http = Http.For(fixture.Server, cluster);
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  count: \"3\"\n  enabled: 'true'\n";
        using var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/apply-patch+yaml");

        using var response = await http.PatchAsync("/api/v1/namespaces/default/configmaps/from-yaml?fieldManager=yaml-test", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3", json.RootElement.GetProperty("data").GetProperty("count").GetString());
        Assert.Equal("true", json.RootElement.GetProperty("data").GetProperty("enabled").GetString());
    }
}
