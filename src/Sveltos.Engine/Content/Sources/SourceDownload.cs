using System.Net;
using System.Net.Http.Headers;
using Sveltos.Engine.Helm.Sources;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// HTTP downloads of source content (Flux artifacts, remoteURLs): one client per TLS setup, the answer read within a
/// size limit, failures as errors naming the URL without its secrets.
/// </summary>
internal static class SourceDownload
{
    public const long MaxBytes = 256L * 1024 * 1024;

    private static readonly ChartHttpClients Clients = new();

    /// <param name="authorization">A Bearer or Basic header for the request, or null.</param>
    public static async Task<byte[]> GetAsync(string url, ChartSourceOptions options, AuthenticationHeaderValue? authorization, string where, string target, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        HttpResponseMessage response;
        try
        {
            response = await Clients.For(options).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(url, where, target, ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(url, where, target, "the request timed out");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? "Check the credentials in the referenced Secret."
                    : "Check the URL; nothing was deployed or removed for this cluster because of it.";
                throw new ContentException("SourceFetchFailed", $"{where}: {RedactedUrl.Of(url)} answered {(int)response.StatusCode} {response.ReasonPhrase}.", target, hint);
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw TooLarge(url, where, target);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw TooLarge(url, where, target);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static ContentException Unreachable(string url, string where, string target, string why) =>
        new("SourceUnreachable", $"{where}: {RedactedUrl.Of(url)} cannot be reached: {why}.", target, "Check the URL, the network and TLS; the next sync tries again, and nothing was deployed or removed for this cluster because of it.");

    private static ContentException TooLarge(string url, string where, string target) =>
        new("SourceTooLarge", $"{where}: {RedactedUrl.Of(url)} serves more than {MaxBytes / (1024 * 1024)} MiB.", target);
}
