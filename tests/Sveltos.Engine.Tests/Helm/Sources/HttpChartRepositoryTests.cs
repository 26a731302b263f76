using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Sveltos.Engine.Helm.Sources;

namespace Sveltos.Engine.Tests.Helm.Sources;

public sealed class HttpChartRepositoryTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "sveltos-chart-cache-" + Guid.NewGuid().ToString("n"));
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public async Task A_constraint_picks_the_newest_matching_chart_and_relative_and_absolute_urls_both_resolve()
    {
        using var other = new LoopbackHttpServer(Serve);
        using var server = new LoopbackHttpServer(Serve);
        Publish(("web", "1.2.0", "charts/web-1.2.0.tgz"), ("web", "1.4.1", "charts/web-1.4.1.tgz"), ("web", "2.0.0", "charts/web-2.0.0.tgz"));
        _files["/elsewhere/web-1.4.2.tgz"] = TestChartArchives.Create("web", "1.4.2");
        AddEntry("web", "1.4.2", $"{other.Url}/elsewhere/web-1.4.2.tgz", _files["/elsewhere/web-1.4.2.tgz"]);
        WriteIndex();

        using var fetcher = new ChartFetcher(new ChartCache(_cache));
        var reference = ChartReference.Parse("web", server.Url + "/repo");
        var picked = await fetcher.FetchAsync(reference, "~1.4");
        var latest = await fetcher.FetchAsync(reference);

        Assert.Equal("1.4.2", picked.Version);
        Assert.Equal(_files["/elsewhere/web-1.4.2.tgz"], picked.Archive);
        Assert.Single(other.Requests, r => r.Path == "/elsewhere/web-1.4.2.tgz");
        Assert.Equal("2.0.0", latest.Version);
        Assert.Single(server.Requests, r => r.Path == "/repo/charts/web-2.0.0.tgz");
        Assert.Single(server.Requests, r => r.Path == "/repo/index.yaml");
    }

    [Fact]
    public async Task A_chart_in_the_cache_is_not_downloaded_again_by_the_next_run()
    {
        using var server = new LoopbackHttpServer(Serve);
        Publish(("web", "1.0.0", "web-1.0.0.tgz"));
        var reference = ChartReference.Parse("web", server.Url + "/repo/");

        using (var first = new ChartFetcher(new ChartCache(_cache)))
        {
            await first.FetchAsync(reference, "1.0.0");
            Assert.Equal(1, first.Downloads);
        }

        using var second = new ChartFetcher(new ChartCache(_cache));
        var again = await second.FetchAsync(reference, "1.0.0");
        Assert.Equal(0, second.Downloads);
        Assert.Equal(_files["/repo/web-1.0.0.tgz"], again.Archive);
        Assert.Single(server.Requests, r => r.Path.EndsWith(".tgz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_callers_asking_for_one_chart_version_at_once_cause_one_download()
    {
        using var server = new LoopbackHttpServer(Serve);
        Publish(("web", "1.0.0", "web-1.0.0.tgz"), ("web", "1.1.0", "web-1.1.0.tgz"));
        using var fetcher = new ChartFetcher(new ChartCache(_cache));
        var reference = ChartReference.Parse("web", server.Url + "/repo");

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => fetcher.FetchAsync(reference, "^1"))));

        Assert.All(results, r => Assert.Equal("1.1.0", r.Version));
        Assert.Equal(1, fetcher.Downloads);
        Assert.Single(server.Requests, r => r.Path == "/repo/index.yaml");
        Assert.Single(server.Requests, r => r.Path == "/repo/web-1.1.0.tgz");
    }

    [Fact]
    public async Task Basic_auth_goes_to_the_repository_and_a_refusal_names_the_url_but_never_the_password()
    {
        using var server = new LoopbackHttpServer(r => r.Authorization == Basic("ci", "s3cret-pass") ? Serve(r) : LoopbackResponse.Text(401, "no", ("WWW-Authenticate", "Basic realm=\"charts\"")));
        Publish(("web", "1.0.0", "web-1.0.0.tgz"));
        using var fetcher = new ChartFetcher(new ChartCache(_cache));
        var reference = ChartReference.Parse("web", server.Url + "/repo");

        var refused = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(reference, null, new ChartSourceOptions { Username = "ci", Password = "wrong-pass" }));
        var fetched = await fetcher.FetchAsync(reference, null, new ChartSourceOptions { Username = "ci", Password = "s3cret-pass" });

        Assert.Equal(ChartSourceErrorIds.Unauthorized, refused.ErrorId);
        Assert.Contains($"{server.Url}/repo/index.yaml", refused.Message, StringComparison.Ordinal);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass", refused.Message + refused.Target + refused.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal("1.0.0", fetched.Version);
    }

    [Fact]
    public async Task Credentials_are_not_sent_to_a_chart_url_on_another_host_unless_passing_them_on_is_asked_for()
    {
        using var other = new LoopbackHttpServer(Serve);
        using var server = new LoopbackHttpServer(Serve);
        _files["/elsewhere/web-1.0.0.tgz"] = TestChartArchives.Create("web", "1.0.0");
        AddEntry("web", "1.0.0", $"{other.Url}/elsewhere/web-1.0.0.tgz", _files["/elsewhere/web-1.0.0.tgz"]);
        WriteIndex();
        var reference = ChartReference.Parse("web", server.Url + "/repo");

        using (var fetcher = new ChartFetcher(new ChartCache(Path.Combine(_cache, "a"))))
        {
            await fetcher.FetchAsync(reference, null, new ChartSourceOptions { Username = "ci", Password = "pw" });
        }

        using (var fetcher = new ChartFetcher(new ChartCache(Path.Combine(_cache, "b"))))
        {
            await fetcher.FetchAsync(reference, null, new ChartSourceOptions { Username = "ci", Password = "pw", PassCredentialsAll = true });
        }

        Assert.All(server.Requests, r => Assert.Equal(Basic("ci", "pw"), r.Authorization));
        var downloads = other.Requests.ToList();
        Assert.Equal(2, downloads.Count);
        Assert.Null(downloads[0].Authorization);
        Assert.Equal(Basic("ci", "pw"), downloads[1].Authorization);
        Assert.Equal("application/gzip,application/octet-stream", downloads[0].Headers["accept"].Replace(" ", ""));
    }

    [Fact]
    public async Task An_archive_whose_sha256_differs_from_the_index_digest_is_refused_and_not_cached()
    {
        using var server = new LoopbackHttpServer(Serve);
        Publish(("web", "1.0.0", "web-1.0.0.tgz"));
        _files["/repo/web-1.0.0.tgz"] = TestChartArchives.Create("web", "1.0.0", "home: https://tampered.example\n");
        using var fetcher = new ChartFetcher(new ChartCache(_cache));

        var e = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(ChartReference.Parse("web", server.Url + "/repo")));

        Assert.Equal(ChartSourceErrorIds.DigestMismatch, e.ErrorId);
        Assert.Contains($"{server.Url}/repo/web-1.0.0.tgz", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cache, "sha256")) && Directory.EnumerateFiles(Path.Combine(_cache, "sha256")).Any());
    }

    [Fact]
    public async Task A_missing_version_lists_the_versions_the_repository_has_and_a_missing_chart_suggests_a_name()
    {
        using var server = new LoopbackHttpServer(Serve);
        Publish(("web", "1.0.0", "web-1.0.0.tgz"), ("web", "1.1.0", "web-1.1.0.tgz"));
        using var fetcher = new ChartFetcher(new ChartCache(_cache));

        var version = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(ChartReference.Parse("web", server.Url + "/repo"), ">=2"));
        var chart = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(ChartReference.Parse("wbe", server.Url + "/repo")));

        Assert.Equal(ChartSourceErrorIds.VersionNotFound, version.ErrorId);
        Assert.Equal($"chart \"web\" version \">=2\" not found in {server.Url}/repo repository (versions: 1.1.0, 1.0.0)", version.Message);
        Assert.Equal(ChartSourceErrorIds.ChartNotFound, chart.ErrorId);
        Assert.Equal("Did you mean 'web'?", chart.RecommendedAction);
    }

    [Fact]
    public async Task A_repository_that_is_not_there_is_a_404_naming_the_index_url()
    {
        using var server = new LoopbackHttpServer(Serve);
        using var fetcher = new ChartFetcher(new ChartCache(_cache));

        var e = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(ChartReference.Parse("web", server.Url + "/nothing")));

        Assert.Equal(ChartSourceErrorIds.ChartNotFound, e.ErrorId);
        Assert.Equal($"failed to fetch index.yaml from {server.Url}/nothing/index.yaml: 404 Not Found", e.Message);
    }

    [Fact]
    public async Task A_server_certificate_from_a_custom_authority_is_trusted_with_the_ca_file_or_when_verification_is_skipped()
    {
        using var authority = CreateAuthority(out var serverCertificate);
        var caFile = Path.Combine(Directory.CreateDirectory(_cache).FullName, "ca.pem");
        await File.WriteAllTextAsync(caFile, authority.ExportCertificatePem());
        using var server = new LoopbackHttpServer(Serve, serverCertificate);
        Publish(("web", "1.0.0", "web-1.0.0.tgz"));
        var reference = ChartReference.Parse("web", server.Url + "/repo");

        using var fetcher = new ChartFetcher(new ChartCache(_cache));
        var untrusted = await Assert.ThrowsAsync<ChartSourceException>(() => fetcher.FetchAsync(reference));
        var withCa = await fetcher.FetchAsync(reference, null, new ChartSourceOptions { CaFile = caFile });
        using var other = new ChartFetcher(new ChartCache(_cache));
        var skipped = await other.FetchAsync(reference, null, new ChartSourceOptions { InsecureSkipTlsVerify = true });

        Assert.Equal(ChartSourceErrorIds.Unreachable, untrusted.ErrorId);
        Assert.Equal("1.0.0", withCa.Version);
        Assert.Equal("1.0.0", skipped.Version);
    }

    private readonly List<(string Name, string Version, string Url, string Digest)> _entries = [];

    private void Publish(params (string Name, string Version, string Path)[] charts)
    {
        foreach (var (name, version, path) in charts)
        {
            var data = TestChartArchives.Create(name, version);
            _files["/repo/" + path] = data;
            AddEntry(name, version, path, data);
        }

        WriteIndex();
    }

    private void AddEntry(string name, string version, string url, byte[] data) =>
        _entries.Add((name, version, url, Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant()));

    private void WriteIndex()
    {
        var yaml = new StringBuilder("apiVersion: v1\nentries:\n");
        foreach (var chart in _entries.GroupBy(e => e.Name))
        {
            yaml.Append($"  {chart.Key}:\n");
            foreach (var (name, version, url, digest) in chart)
            {
                yaml.Append($"  - apiVersion: v2\n    name: {name}\n    version: {version}\n    digest: {digest}\n    created: \"2025-01-02T03:04:05.123456789Z\"\n    urls:\n    - {url}\n");
            }
        }

        _files["/repo/index.yaml"] = Encoding.UTF8.GetBytes(yaml.Append("generated: \"2025-01-02T03:04:05Z\"\n").ToString());
    }

    private LoopbackResponse Serve(LoopbackRequest request) =>
        _files.TryGetValue(request.Path, out var body) ? new LoopbackResponse(200, body) : LoopbackResponse.Text(404, "not found");

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static X509Certificate2 CreateAuthority(out X509Certificate2 server)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=sveltos-test-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var authority = caRequest.CreateSelfSigned(now.AddMinutes(-10), now.AddDays(2));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = serverRequest.Create(authority, now.AddMinutes(-5), now.AddDays(1), [1, 2, 3, 4]);
        server = X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(serverKey).Export(X509ContentType.Pfx), null);
        return authority;
    }
}
