using System.Collections.Concurrent;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// The one entry point from a chart reference, a version and credentials to the chart: folders and archives from
/// disk, charts from HTTP(S) repositories and OCI registries through a disk cache keyed by sha256 and verified. One
/// fetcher is one run: however many callers ask for the same chart version at once, it is resolved and downloaded
/// once, and each repository index is read once.
/// </summary>
public sealed class ChartFetcher : IDisposable
{
    private readonly ChartHttpClients _clients;
    private readonly ChartRepositoryClient _repositories;
    private readonly ConcurrentDictionary<string, Lazy<Task<FetchedChart>>> _charts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<RepositoryIndex>>> _indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OciRegistryClient> _registries = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new();
    private int _downloads;

    /// <param name="cache">Where downloaded archives are kept; the user's cache folder when null.</param>
    /// <param name="handlerFactory">An HTTP handler to use instead of the network's (tests).</param>
    public ChartFetcher(ChartCache? cache = null, Func<HttpMessageHandler>? handlerFactory = null)
    {
        Cache = cache ?? new ChartCache();
        _clients = new ChartHttpClients(handlerFactory);
        _repositories = new ChartRepositoryClient(_clients);
    }

    public ChartCache Cache { get; }

    /// <summary>Chart archives downloaded over the network by this fetcher (cache hits are not counted).</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    /// <exception cref="ChartSourceException">The chart or version cannot be found or fetched.</exception>
    public Task<FetchedChart> FetchAsync(ChartReference reference, string? version = null, ChartSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        options ??= ChartSourceOptions.None;
        var key = $"{reference.Kind}|{reference.Location}|{reference.ChartName}|{version}|{options.FetchKey}";
        var flight = _charts.GetOrAdd(key, _ => new Lazy<Task<FetchedChart>>(() => FetchOnceAsync(reference, version, options, _lifetime.Token)));
        return AwaitAsync(flight, () => _charts.TryRemove(KeyValuePair.Create(key, flight)), cancellationToken);
    }

    public void Dispose()
    {
        _lifetime.Cancel();
        foreach (var registry in _registries.Values)
        {
            registry.Dispose();
        }

        _clients.Dispose();
        _lifetime.Dispose();
    }

    private static async Task<T> AwaitAsync<T>(Lazy<Task<T>> flight, Action forget, CancellationToken cancellationToken)
    {
        try
        {
            return await flight.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (flight.Value.IsFaulted || flight.Value.IsCanceled)
        {
            // A failure is not remembered: the next request tries again.
            forget();
            throw;
        }
    }

    private async Task<FetchedChart> FetchOnceAsync(ChartReference reference, string? version, ChartSourceOptions options, CancellationToken cancellationToken)
    {
        await Task.Yield();
        switch (reference.Kind)
        {
            case ChartSourceKind.Folder:
                return new FetchedChart(reference, null, null, reference.Location, null);
            case ChartSourceKind.Archive:
                var data = await File.ReadAllBytesAsync(reference.Location, cancellationToken).ConfigureAwait(false);
                return new FetchedChart(reference, null, data, null, ChartCache.Hex(data));
            case ChartSourceKind.Url:
                var downloaded = await DownloadAsync(reference.Location, reference.Location, null, options, cancellationToken).ConfigureAwait(false);
                return new FetchedChart(reference, null, downloaded, null, ChartCache.Hex(downloaded));
            case ChartSourceKind.Repository:
                return await FromRepositoryAsync(reference, version, options, cancellationToken).ConfigureAwait(false);
            default:
                return await FromRegistryAsync(reference, version, options, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FetchedChart> FromRepositoryAsync(ChartReference reference, string? version, ChartSourceOptions options, CancellationToken cancellationToken)
    {
        var repository = reference.Location;
        var indexKey = $"{repository}|{options.FetchKey}";
        var flight = _indexes.GetOrAdd(indexKey, _ => new Lazy<Task<RepositoryIndex>>(() => _repositories.GetIndexAsync(repository, options, _lifetime.Token)));
        var index = await AwaitAsync(flight, () => _indexes.TryRemove(KeyValuePair.Create(indexKey, flight)), cancellationToken).ConfigureAwait(false);
        var entry = index.Get(reference.ChartName!, version, repository);
        if (entry.Urls.Count == 0)
        {
            throw new ChartSourceException(ChartSourceErrorIds.ChartNotFound, ErrorKind.InvalidData,
                $"chart \"{reference.ChartName}\" version \"{entry.Version}\" has no downloadable URLs in {RedactedUrl.Of(repository)}", RedactedUrl.Of(repository));
        }

        var url = ChartRepositoryClient.ResolveReference(repository, entry.Urls[0]);
        var digest = entry.Digest.Length == 64 ? entry.Digest.ToLowerInvariant() : null;
        var data = (digest is null ? null : Cache.Get(digest))
            ?? await DownloadAsync(url, repository, digest, options, cancellationToken).ConfigureAwait(false);
        return new FetchedChart(reference, entry.Version, data, null, ChartCache.Hex(data));
    }

    private async Task<FetchedChart> FromRegistryAsync(ChartReference reference, string? version, ChartSourceOptions options, CancellationToken cancellationToken)
    {
        var registry = _registries.GetOrAdd(options.FetchKey, _ => new OciRegistryClient(_clients, options));
        var resolved = await registry.ResolveAsync(reference.Oci!, version, cancellationToken).ConfigureAwait(false);
        var manifest = await registry.GetChartManifestAsync(resolved, cancellationToken).ConfigureAwait(false);
        var data = Cache.Get(manifest.Chart.Digest);
        if (data is null)
        {
            data = await registry.GetBlobAsync(resolved, manifest.Chart, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _downloads);
            Cache.Put(data);
        }

        var picked = resolved.Tag is null ? manifest.Annotations.GetValueOrDefault("org.opencontainers.image.version") : OciReference.VersionOf(resolved.Tag);
        return new FetchedChart(reference, picked, data, null, ChartCache.Hex(data));
    }

    private async Task<byte[]> DownloadAsync(string url, string repository, string? digest, ChartSourceOptions options, CancellationToken cancellationToken)
    {
        var data = await _repositories.GetChartAsync(url, repository, options, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _downloads);
        var actual = ChartCache.Hex(data);
        if (digest is not null && actual != digest)
        {
            throw new ChartSourceException(ChartSourceErrorIds.DigestMismatch, ErrorKind.InvalidData,
                $"the chart downloaded from {RedactedUrl.Of(url)} has sha256 {actual}, but the repository index says {digest}", RedactedUrl.Of(url),
                "The repository's index.yaml and its chart archive disagree: re-index the repository, or ask its owner.");
        }

        Cache.Put(data);
        return data;
    }
}
