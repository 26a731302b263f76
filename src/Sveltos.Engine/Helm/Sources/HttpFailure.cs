using System.Net;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>Errors for HTTP answers and transport failures, naming the URL without its secrets.</summary>
internal static class HttpFailure
{
    public static ChartSourceException FromStatus(HttpStatusCode status, string what, string url, string? detail = null)
    {
        var shown = RedactedUrl.Of(url);
        var code = $"{(int)status} {StatusText(status)}";
        var suffix = string.IsNullOrEmpty(detail) ? "" : $": {detail}";
        return status switch
        {
            HttpStatusCode.Unauthorized => new ChartSourceException(
                ChartSourceErrorIds.Unauthorized, ErrorKind.PermissionDenied, $"failed to fetch {what} from {shown}: {code}{suffix}", shown,
                "Give credentials (-Credential) that the repository accepts."),
            HttpStatusCode.Forbidden => new ChartSourceException(
                ChartSourceErrorIds.Forbidden, ErrorKind.PermissionDenied, $"failed to fetch {what} from {shown}: {code}{suffix}", shown,
                "The credentials were accepted but do not grant access to this chart."),
            HttpStatusCode.NotFound => new ChartSourceException(
                ChartSourceErrorIds.ChartNotFound, ErrorKind.ObjectNotFound, $"failed to fetch {what} from {shown}: {code}{suffix}", shown),
            _ => new ChartSourceException(
                ChartSourceErrorIds.Unreachable, ErrorKind.ConnectionError, $"failed to fetch {what} from {shown}: {code}{suffix}", shown),
        };
    }

    public static ChartSourceException Transport(string what, string url, Exception e) =>
        new(ChartSourceErrorIds.Unreachable, ErrorKind.ConnectionError,
            $"failed to fetch {what} from {RedactedUrl.Of(url)}: {(e is TaskCanceledException ? "the request timed out" : e.Message)}",
            RedactedUrl.Of(url), "Check the URL, the network and the TLS settings (-CaFile, -InsecureSkipTlsVerify).", e);

    private static string StatusText(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        _ => status.ToString(),
    };
}
