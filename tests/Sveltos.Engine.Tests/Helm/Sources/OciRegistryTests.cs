using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sveltos.Engine.Helm.Sources;

namespace Sveltos.Engine.Tests.Helm.Sources;

[Collection(ChartRegistryCollection.Name)]
public sealed class OciRegistryTests(ChartRegistries registries) : IDisposable
{
    private static readonly ChartSourceOptions PlainHttp = new() { PlainHttp = true };
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "sveltos-oci-cache-" + Guid.NewGuid().ToString("n"));
    private readonly string _repository = "charts/t" + Guid.NewGuid().ToString("n")[..8];

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [RegistryFact]
    public async Task A_pushed_chart_is_stored_with_Helms_media_types_and_annotations()
    {
        var archive = TestChartArchives.Create("web", "1.0.0");
        using var client = new OciRegistryClient(PlainHttp);

        var pushed = await PushAsync(client, registries.Anonymous, "web", "1.0.0", archive);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{registries.Anonymous.Host}/v2/{_repository}/web/manifests/1.0.0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(OciMediaTypes.Manifest));
        using var response = await http.SendAsync(request);
        var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(pushed.ManifestDigest, response.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(OciMediaTypes.ChartConfig, manifest.GetProperty("config").GetProperty("mediaType").GetString());
        var layer = Assert.Single(manifest.GetProperty("layers").EnumerateArray());
        Assert.Equal(OciMediaTypes.ChartContent, layer.GetProperty("mediaType").GetString());
        Assert.Equal(archive.Length, layer.GetProperty("size").GetInt64());
        Assert.Equal("web", manifest.GetProperty("annotations").GetProperty("org.opencontainers.image.title").GetString());
    }

    [RegistryFact]
    public async Task A_chart_is_pulled_by_tag_by_constraint_over_the_tags_and_by_digest()
    {
        using var client = new OciRegistryClient(PlainHttp);
        var archives = new Dictionary<string, byte[]>();
        foreach (var version in new[] { "1.0.0", "1.2.0", "1.3.0-rc.1", "2.0.0+build.7" })
        {
            archives[version] = TestChartArchives.Create("web", version);
            await PushAsync(client, registries.Anonymous, "web", version, archives[version]);
        }

        var chart = $"oci://{registries.Anonymous.Host}/{_repository}/web";
        using var fetcher = new ChartFetcher(new ChartCache(_cache));
        var byTag = await fetcher.FetchAsync(ChartReference.Parse(chart + ":1.0.0"), null, PlainHttp);
        var byConstraint = await fetcher.FetchAsync(ChartReference.Parse(chart), "^1", PlainHttp);
        var newest = await fetcher.FetchAsync(ChartReference.Parse(chart), null, PlainHttp);
        var manifest = await client.GetChartManifestAsync(OciReference.Parse(chart + ":1.2.0"));
        var byDigest = await fetcher.FetchAsync(ChartReference.Parse($"{chart}@{manifest.Digest}"), null, PlainHttp);

        Assert.Equal(archives["1.0.0"], byTag.Archive);
        Assert.Equal("1.2.0", byConstraint.Version);
        Assert.Equal(archives["1.2.0"], byConstraint.Archive);
        Assert.Equal("2.0.0+build.7", newest.Version);
        Assert.Equal(archives["2.0.0+build.7"], newest.Archive);
        Assert.Equal(archives["1.2.0"], byDigest.Archive);
        Assert.Equal(["2.0.0+build.7", "1.3.0-rc.1", "1.2.0", "1.0.0"], await client.GetChartVersionsAsync(OciReference.Parse(chart)));
        Assert.Contains("2.0.0_build.7", await client.GetTagsAsync(OciReference.Parse(chart)));
    }

    [RegistryFact]
    public async Task A_second_run_takes_the_chart_from_the_cache_and_concurrent_callers_share_one_download()
    {
        using var client = new OciRegistryClient(PlainHttp);
        var archive = TestChartArchives.Create("web", "1.0.0");
        await PushAsync(client, registries.Anonymous, "web", "1.0.0", archive);
        var reference = ChartReference.Parse($"oci://{registries.Anonymous.Host}/{_repository}/web");

        using (var first = new ChartFetcher(new ChartCache(_cache)))
        {
            var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => first.FetchAsync(reference, "1.0.0", PlainHttp))));
            Assert.All(all, f => Assert.Equal(archive, f.Archive));
            Assert.Equal(1, first.Downloads);
        }

        using var second = new ChartFetcher(new ChartCache(_cache));
        Assert.Equal(archive, (await second.FetchAsync(reference, "1.0.0", PlainHttp)).Archive);
        Assert.Equal(0, second.Downloads);
    }

    [RegistryFact]
    public async Task A_missing_chart_or_version_is_a_clear_error()
    {
        using var client = new OciRegistryClient(PlainHttp);
        await PushAsync(client, registries.Anonymous, "web", "1.0.0", TestChartArchives.Create("web", "1.0.0"));
        await PushAsync(client, registries.Anonymous, "web", "1.1.0", TestChartArchives.Create("web", "1.1.0"));
        using var fetcher = new ChartFetcher(new ChartCache(_cache));
        var chart = $"oci://{registries.Anonymous.Host}/{_repository}/web";

        var noVersion = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(ChartReference.Parse(chart), "~2.0", PlainHttp));
        var noTag = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(ChartReference.Parse(chart), "9.9.9", PlainHttp));

        Assert.Equal(ChartSourceErrorIds.VersionNotFound, noVersion.ErrorId);
        Assert.Equal($"could not locate a version matching provided version string ~2.0 in {chart} (versions: 1.1.0, 1.0.0)", noVersion.Message);
        Assert.Equal(ChartSourceErrorIds.ChartNotFound, noTag.ErrorId);
        Assert.StartsWith($"{chart}:9.9.9: not found (MANIFEST_UNKNOWN", noTag.Message, StringComparison.Ordinal);
    }

    [RegistryFact]
    public async Task A_basic_auth_registry_takes_the_credentials_and_refuses_anonymous_pulls_without_leaking_the_password()
    {
        var credentials = new ChartSourceOptions { PlainHttp = true, Username = registries.Basic.Username, Password = registries.Basic.Password };
        using var client = new OciRegistryClient(credentials);
        var archive = TestChartArchives.Create("web", "1.0.0");
        await PushAsync(client, registries.Basic, "web", "1.0.0", archive);
        var reference = ChartReference.Parse($"oci://{registries.Basic.Host}/{_repository}/web:1.0.0");
        using var fetcher = new ChartFetcher(new ChartCache(_cache));

        var anonymous = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(reference, null, PlainHttp));
        var wrong = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(reference, null, new ChartSourceOptions { PlainHttp = true, Username = "sveltos", Password = "not-the-password" }));
        var pulled = await fetcher.FetchAsync(reference, null, credentials);

        Assert.Equal(ChartSourceErrorIds.Unauthorized, anonymous.ErrorId);
        Assert.Contains(registries.Basic.Host, anonymous.Message, StringComparison.Ordinal);
        Assert.Equal(ChartSourceErrorIds.Unauthorized, wrong.ErrorId);
        Assert.DoesNotContain("not-the-password", wrong.Message, StringComparison.Ordinal);
        Assert.Equal(archive, pulled.Archive);
    }

    [RegistryFact]
    public async Task A_token_auth_registry_is_reached_with_a_bearer_token_from_the_realm_of_its_challenge()
    {
        using var tokens = new RegistryTokenServer(registries.Token);
        var credentials = new ChartSourceOptions { PlainHttp = true, Username = RegistryTokenServer.Username, Password = RegistryTokenServer.Password };
        using var client = new OciRegistryClient(credentials);
        var archive = TestChartArchives.Create("web", "3.1.0");
        await PushAsync(client, registries.Token, "web", "3.1.0", archive);
        using var fetcher = new ChartFetcher(new ChartCache(_cache));
        var reference = ChartReference.Parse($"oci://{registries.Token.Host}/{_repository}/web");

        var pulled = await fetcher.FetchAsync(reference, ">=3", credentials);
        var refused = await Assert.ThrowsAsync<ChartSourceException>(() =>
            fetcher.FetchAsync(reference, ">=3", new ChartSourceOptions { PlainHttp = true, Username = RegistryTokenServer.Username, Password = "guess" }));

        Assert.Equal(archive, pulled.Archive);
        Assert.Equal("3.1.0", pulled.Version);
        Assert.Contains(tokens.Requests, r => r.Query.Contains("scope=repository%3A" + Uri.EscapeDataString(_repository).Replace("%2F", "%2F", StringComparison.Ordinal), StringComparison.Ordinal)
            && r.Query.Contains("service=sveltos-test-registry", StringComparison.Ordinal));
        Assert.Equal(ChartSourceErrorIds.Unauthorized, refused.ErrorId);
        Assert.DoesNotContain("guess", refused.Message, StringComparison.Ordinal);
    }

    private async Task<OciPushResult> PushAsync(OciRegistryClient client, ChartRegistry registry, string name, string version, byte[] archive)
    {
        var config = Encoding.UTF8.GetBytes($"{{\"name\":\"{name}\",\"version\":\"{version}\",\"description\":\"A chart for tests\",\"apiVersion\":\"v2\"}}");
        var annotations = new Dictionary<string, string> { ["org.opencontainers.image.title"] = name, ["org.opencontainers.image.version"] = version };
        return await client.PushChartAsync(OciReference.Parse($"oci://{registry.Host}/{_repository}/{name}").WithTag(version), archive, config, annotations);
    }
}
