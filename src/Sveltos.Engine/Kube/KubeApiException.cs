using System.Net;

namespace Sveltos.Engine.Kube;

/// <summary>
/// A Kubernetes API request that failed: the HTTP status, the Status reason (NotFound, Conflict,
/// AlreadyExists, ...) and the server's message, naming the cluster and the request.
/// </summary>
public sealed class KubeApiException : SveltosException
{
    public KubeApiException(string cluster, HttpStatusCode statusCode, string reason, string message, IReadOnlyList<string> causes, string request)
        : base(ErrorIdFor(statusCode, reason), KindFor(statusCode), $"Cluster '{cluster}': {request} failed: {message}", cluster)
    {
        Cluster = cluster;
        StatusCode = statusCode;
        Reason = reason;
        Causes = causes;
        ServerMessage = message;
    }

    public string Cluster { get; }

    public HttpStatusCode StatusCode { get; }

    public string Reason { get; }

    public string ServerMessage { get; }

    /// <summary>The Status causes (for a server-side apply conflict, one per conflicting field and manager).</summary>
    public IReadOnlyList<string> Causes { get; }

    private static string ErrorIdFor(HttpStatusCode status, string reason) =>
        reason.Length > 0 ? "Kube" + reason : "KubeHttp" + (int)status;

    private static ErrorKind KindFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => ErrorKind.ObjectNotFound,
        HttpStatusCode.Conflict => ErrorKind.Conflict,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ErrorKind.PermissionDenied,
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => ErrorKind.InvalidData,
        HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => ErrorKind.ResourceUnavailable,
        HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => ErrorKind.OperationTimeout,
        _ => ErrorKind.ConnectionError,
    };
}
