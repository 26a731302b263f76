using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Client;

public sealed class ControlEndpointTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    [Fact]
    public async Task The_control_endpoint_requires_its_token()
    {
        using var anonymous = Http.Control(fixture.Server, withToken: false);

        using var health = await anonymous.GetAsync("/healthz");
        using var denied = await anonymous.GetAsync("/clusters");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
    }

    [Fact]
    public async Task Clusters_are_described_changed_and_counted_over_http()
    {
        using var control = Http.Control(fixture.Server);
        var cluster = fixture.Server["dev-1"];

        var clusters = await control.GetFromJsonAsync<JsonElement>("/clusters");
        using var down = await control.PatchAsync("/clusters/dev-1", JsonContent.Create(new { down = true, latencyMs = 5, failureRate = 0.0, version = "v1.28.9" }));
        var wasDown = cluster.IsDown;
        using var up = await control.PatchAsync("/clusters/dev-1", JsonContent.Create(new { down = false, latencyMs = 0 }));
        using (var http = Http.For(fixture.Server, cluster))
        {
            (await http.GetAsync("/api/v1/namespaces")).EnsureSuccessStatusCode();
        }
        var counters = await control.GetFromJsonAsync<JsonElement>("/clusters/dev-1/counters");
        using var reset = await control.DeleteAsync("/clusters/dev-1/counters");
        using var added = await control.PostAsync("/clusters", JsonContent.Create(new { name = "late", version = "v1.30.0" }));
        using var removed = await control.DeleteAsync("/clusters/late");
        using var missing = await control.GetAsync("/clusters/nope");

        Assert.Equal(["mgmt", "prod-1", "dev-1"], clusters.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.True(clusters[0].GetProperty("management").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        Assert.True(wasDown);
        Assert.False(cluster.IsDown);
        Assert.Equal("v1.28.9", cluster.Version);
        Assert.True(counters.GetProperty("list").GetInt64() >= 1);
        Assert.Equal(0, (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        cluster.SetVersion("v1.32.0");
    }
}
