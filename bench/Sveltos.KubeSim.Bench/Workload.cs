using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace Sveltos.KubeSim.Bench;

/// <summary>The requests the benchmark sends: small GETs from many concurrent workers, and large LISTs one at a time.</summary>
internal sealed class Workload(KubeSimServer server, BenchOptions options)
{
    private const string Namespace = "bench";

    public static string ConfigMapName(int index) => $"cm-{index:D5}";

    public static string ListNamespace(int index, int listSize) => $"{Namespace}-{index / listSize}";

    public HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        if (server.CertificateAuthorityPem is { } pem)
        {
            var ca = X509Certificate2.CreateFromPem(pem);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                return certificate is not null && chain.Build(new X509Certificate2(certificate));
            };
        }
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Concurrent GETs of random objects on random clusters for the configured time: requests per second and latencies.</summary>
    public async Task<(double RequestsPerSecond, Latencies Latencies, int Failures)> RunGetsAsync(HttpClient http)
    {
        var clusters = server.Clusters;
        using var stop = new CancellationTokenSource(options.Duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(async worker =>
        {
            var random = new Random(worker);
            var latencies = new Latencies();
            var failures = 0;
            while (!stop.IsCancellationRequested)
            {
                var cluster = clusters[random.Next(clusters.Count)];
                var index = random.Next(options.Objects);
                using var request = new HttpRequestMessage(HttpMethod.Get,
                    new Uri(cluster.Server, $"/api/v1/namespaces/{ListNamespace(index, options.ListSize)}/configmaps/{ConfigMapName(index)}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", cluster.Token);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(started));
                if (!response.IsSuccessStatusCode)
                {
                    failures++;
                }
            }
            return (latencies, failures);
        }).ToList();
        var results = await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var all = new Latencies();
        foreach (var (latencies, _) in results)
        {
            all.AddRange(latencies);
        }
        return (all.Count / elapsed.TotalSeconds, all, results.Sum(r => r.failures));
    }

    /// <summary>Sequential LISTs of one namespace holding ListSize objects, body fully read.</summary>
    public async Task<(Latencies Latencies, long Bytes)> RunListsAsync(HttpClient http, int count)
    {
        var latencies = new Latencies();
        long bytes = 0;
        var clusters = server.Clusters;
        for (var i = 0; i < count + 3; i++)
        {
            var cluster = clusters[i % clusters.Count];
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(cluster.Server, $"/api/v1/namespaces/{ListNamespace(0, options.ListSize)}/configmaps"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", cluster.Token);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (i >= 3)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started));
                bytes = body.Length;
            }
        }
        return (latencies, bytes);
    }
}
