using System.Net.Http.Headers;
using System.Text;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// An HTTP(S) chart repository as Helm's getter talks to it: index.yaml next to the repository URL, chart URLs
/// resolved against it, basic auth sent only to the repository's own scheme and host (and port) unless
/// <see cref="ChartSourceOptions.PassCredentialsAll"/> says otherwise.
/// </summary>
internal sealed class ChartRepositoryClient(ChartHttpClients clients)
{
    public async Task<RepositoryIndex> GetIndexAsync(string repositoryUrl, ChartSourceOptions options, CancellationToken cancellationToken)
    {
        var indexUrl = ResolveReference(repositoryUrl, "index.yaml");
        var data = await GetAsync(indexUrl, repositoryUrl, options, "index.yaml", null, cancellationToken).ConfigureAwait(false);
        return RepositoryIndex.Read(Encoding.UTF8.GetString(data), indexUrl);
    }

    /// <summary>Downloads a chart archive from a URL, sending credentials as Helm's getter does.</summary>
    public Task<byte[]> GetChartAsync(string chartUrl, string repositoryUrl, ChartSourceOptions options, CancellationToken cancellationToken) =>
        GetAsync(chartUrl, repositoryUrl, options, "chart", "application/gzip,application/octet-stream", cancellationToken);

    /// <summary>Helm's ResolveReferenceURL: an absolute reference as is; else relative to the repository URL taken as a folder, keeping its query.</summary>
    public static string ResolveReference(string baseUrl, string reference)
    {
        if (Uri.TryCreate(reference, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return reference;
        }

        var baseUri = new Uri(baseUrl, UriKind.Absolute);
        var folder = new UriBuilder(baseUri) { Path = baseUri.AbsolutePath.TrimEnd('/') + "/", Query = "" }.Uri;
        var resolved = new UriBuilder(new Uri(folder, reference)) { Query = baseUri.Query.TrimStart('?') };
        return resolved.Uri.AbsoluteUri;
    }

    private async Task<byte[]> GetAsync(string url, string repositoryUrl, ChartSourceOptions options, string what, string? accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (options.HasCredentials && (options.PassCredentialsAll || SameOrigin(url, repositoryUrl)))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        }

        try
        {
            using var response = await clients.For(options).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw HttpFailure.FromStatus(response.StatusCode, what, url);
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw HttpFailure.Transport(what, url, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw HttpFailure.Transport(what, url, e);
        }
    }

    /// <summary>Same scheme and host, port included, as Go's url.URL.Host compares.</summary>
    private static bool SameOrigin(string url, string repositoryUrl) =>
        Uri.TryCreate(url, UriKind.Absolute, out var a) && Uri.TryCreate(repositoryUrl, UriKind.Absolute, out var b)
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);
}
