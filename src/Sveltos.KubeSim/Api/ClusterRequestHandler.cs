using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sveltos.KubeSim.Api;

/// <summary>
/// Everything a request to one cluster goes through: simulated latency, bearer-token authentication, injected failures,
/// counting, then routing to health, version, discovery, OpenAPI or a resource.
/// </summary>
internal sealed class ClusterRequestHandler(SimulatedCluster cluster)
{
    private readonly ResourceHandler _resources = new(cluster);
    private readonly byte[] _token = Encoding.UTF8.GetBytes(cluster.Token);

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (cluster.Latency > TimeSpan.Zero)
            {
                await Task.Delay(cluster.Latency, context.RequestAborted).ConfigureAwait(false);
            }
            var path = context.Request.Path.Value ?? "/";
            if (path is "/healthz" or "/livez" or "/readyz")
            {
                await Responses.WriteBytesAsync(context, 200, "ok"u8.ToArray(), "text/plain").ConfigureAwait(false);
                return;
            }
            if (!Authenticated(context))
            {
                cluster.Counters.Increment("rejected");
                throw ApiException.Unauthorized();
            }
            var resource = ResourcePath.Parse(path);
            var verb = resource is null ? "discovery" : ResourceHandler.VerbOf(context, resource);
            if (cluster.TakeFailure() || (cluster.FailureRate > 0 && Random.Shared.NextDouble() < cluster.FailureRate))
            {
                cluster.Counters.Increment("rejected");
                throw InjectedFailure();
            }
            cluster.Counters.Increment(verb);
            if (resource is not null)
            {
                await _resources.HandleAsync(context, resource, verb).ConfigureAwait(false);
            }
            else
            {
                await ServeDiscoveryAsync(context, path).ConfigureAwait(false);
            }
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await Responses.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not ApiException)
        {
            await Responses.WriteErrorAsync(context, new ApiException(500, "InternalError", "Internal error occurred: " + error.Message)).ConfigureAwait(false);
        }
    }

    private bool Authenticated(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), _token);
    }

    private ApiException InjectedFailure() => cluster.FailureStatusCode switch
    {
        429 => new ApiException(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later",
            new System.Text.Json.Nodes.JsonObject { ["retryAfterSeconds"] = cluster.RetryAfterSeconds }) { RetryAfterSeconds = cluster.RetryAfterSeconds },
        503 => new ApiException(503, "ServiceUnavailable", "the server is currently unable to handle the request") { RetryAfterSeconds = cluster.RetryAfterSeconds },
        var code and >= 500 => new ApiException(code, "InternalError", "Internal error occurred: injected failure"),
        var code => new ApiException(code, "BadRequest", "injected failure"),
    };

    private async Task ServeDiscoveryAsync(HttpContext context, string path)
    {
        var accept = context.Request.Headers.Accept.ToString();
        var registry = cluster.Registry;
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["version"]:
                await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.Version(cluster.Version)).ConfigureAwait(false);
                return;
            case ["api"] or ["apis"] when AggregatedVersion(accept, cluster.Version) is { } discoveryVersion:
                context.Response.Headers.Vary = "Accept";
                await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.Aggregated(registry, segments[0] == "api", discoveryVersion),
                    $"application/json;g=apidiscovery.k8s.io;v={discoveryVersion};as=APIGroupDiscoveryList").ConfigureAwait(false);
                return;
            case ["openapi", "v2"] when accept.Contains("protobuf", StringComparison.Ordinal):
                // An empty message is a valid (empty) OpenAPI v2 protobuf document: kubectl then validates nothing client-side.
                await Responses.WriteBytesAsync(context, 200, ReadOnlyMemory<byte>.Empty, "application/com.github.proto-openapi.spec.v2.v1.0+protobuf").ConfigureAwait(false);
                return;
            case ["openapi", "v2"]:
                await Responses.WriteJsonAsync(context, 200, OpenApiDocuments.V2(cluster.Version)).ConfigureAwait(false);
                return;
            case ["openapi", "v3"]:
                await Responses.WriteJsonAsync(context, 200, OpenApiDocuments.V3Root(registry)).ConfigureAwait(false);
                return;
            case ["openapi", "v3", ..]:
                await WriteOrNotFoundAsync(context, OpenApiDocuments.GroupVersionDocument(registry, string.Join('/', segments[2..]), cluster.Version)).ConfigureAwait(false);
                return;
            case ["api"]:
                await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.CoreVersions(cluster.Port)).ConfigureAwait(false);
                return;
            case ["apis"]:
                await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.GroupList(registry)).ConfigureAwait(false);
                return;
            case ["api", var version]:
                await WriteOrNotFoundAsync(context, DiscoveryDocuments.ResourceList(registry, "", version)).ConfigureAwait(false);
                return;
            case ["apis", var group]:
                await WriteOrNotFoundAsync(context, DiscoveryDocuments.GroupDocument(registry, group)).ConfigureAwait(false);
                return;
            case ["apis", var group, var version]:
                await WriteOrNotFoundAsync(context, DiscoveryDocuments.ResourceList(registry, group, version)).ConfigureAwait(false);
                return;
            default:
                throw ApiException.NotFoundPath(path);
        }
    }

    // Aggregated discovery is served as a real API server of the simulated version serves it: v2beta1 from 1.26,
    // v2 from 1.30. Older versions answer with the plain APIVersions/APIGroupList documents.
    private static string? AggregatedVersion(string accept, string serverVersion)
    {
        var (major, minor) = MajorMinor(serverVersion);
        if (!accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal) || (major, minor) is (1, < 26))
        {
            return null;
        }

        var wantsV2 = accept.Contains("v=v2;", StringComparison.Ordinal) || accept.Contains("v=v2,", StringComparison.Ordinal) || accept.EndsWith("v=v2", StringComparison.Ordinal);
        return wantsV2 && (major, minor) is not (1, < 30) ? "v2"
            : accept.Contains("v=v2beta1", StringComparison.Ordinal) ? "v2beta1"
            : null;
    }

    private static (int Major, int Minor) MajorMinor(string version)
    {
        var parts = version.TrimStart('v').Split('.', '-', '+');
        return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor) ? (major, minor) : (1, 99);
    }

    private static Task WriteOrNotFoundAsync(HttpContext context, System.Text.Json.Nodes.JsonObject? document) =>
        document is null ? throw ApiException.NotFoundPath(context.Request.Path) : Responses.WriteJsonAsync(context, 200, document);
}
