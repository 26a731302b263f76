using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sveltos.KubeSim.Api;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Control;

/// <summary>
/// The control endpoint (its own port, bearer token) through which scripts steer a running KubeSim:
/// GET / and /clusters, GET|PATCH|DELETE /clusters/{name}, POST /clusters, GET|DELETE /clusters/{name}/counters, GET /counters,
/// POST /shutdown.
/// </summary>
internal sealed class ControlApi(KubeSimServer server, string token)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public async Task HandleAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "/").Trim('/');
        try
        {
            if (path == "healthz")
            {
                await Responses.WriteBytesAsync(context, 200, "ok"u8.ToArray(), "text/plain").ConfigureAwait(false);
                return;
            }
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), _token))
            {
                throw ApiException.Unauthorized();
            }
            var result = await RouteAsync(context, context.Request.Method, path.Split('/', StringSplitOptions.RemoveEmptyEntries)).ConfigureAwait(false);
            await Responses.WriteJsonAsync(context, context.Request.Method == "POST" ? 201 : 200, result).ConfigureAwait(false);
        }
        catch (ApiException error)
        {
            await Responses.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
        catch (ArgumentException error)
        {
            await Responses.WriteErrorAsync(context, ApiException.BadRequest(error.Message)).ConfigureAwait(false);
        }
    }

    private async Task<JsonNode> RouteAsync(HttpContext context, string method, string[] segments)
    {
        switch (method, segments)
        {
            case ("GET", []):
                return new JsonObject
                {
                    ["kubeconfig"] = server.KubeconfigPath,
                    ["controlUrl"] = server.ControlUrl.ToString(),
                    ["clusters"] = new JsonArray(server.Clusters.Select(c => (JsonNode)Describe(c)).ToArray()),
                };
            case ("GET", ["clusters"]):
                return new JsonArray(server.Clusters.Select(c => (JsonNode)Describe(c)).ToArray());
            case ("POST", ["clusters"]):
                var spec = await ReadAsync(context).ConfigureAwait(false);
                var clusterSpec = new ClusterSpec(spec.GetString("name") ?? throw ApiException.BadRequest("name is required"))
                {
                    Version = spec.GetString("version") ?? "v1.32.0",
                    Nodes = (int)(spec.GetInt64("nodes") ?? 1),
                };
                foreach (var (key, value) in spec.GetStringMap("nodeLabels"))
                {
                    clusterSpec.NodeLabels[key] = value;
                }
                return Describe(await server.AddClusterAsync(clusterSpec).ConfigureAwait(false));
            case ("GET", ["clusters", var name]):
                return Describe(Find(name));
            case ("PATCH" or "PUT", ["clusters", var name]):
                return Describe(await ChangeAsync(Find(name), await ReadAsync(context).ConfigureAwait(false)).ConfigureAwait(false));
            case ("DELETE", ["clusters", var name]):
                Find(name);
                await server.RemoveClusterAsync(name).ConfigureAwait(false);
                return new JsonObject { ["removed"] = name };
            case ("GET", ["clusters", var name, "counters"]):
                return Counters(Find(name));
            case ("DELETE", ["clusters", var name, "counters"]):
                var cluster = Find(name);
                cluster.ResetCounters();
                return Counters(cluster);
            case ("GET", ["counters"]):
                var all = new JsonObject();
                foreach (var c in server.Clusters)
                {
                    all[c.Name] = Counters(c);
                }
                return all;
            case ("POST", ["shutdown"]):
                server.RequestStop();
                return new JsonObject { ["stopping"] = true };
            default:
                throw ApiException.NotFoundPath("/" + string.Join('/', segments));
        }
    }

    private static async Task<SimulatedCluster> ChangeAsync(SimulatedCluster cluster, JsonObject change)
    {
        if (change.GetInt64("latencyMs") is { } latency)
        {
            cluster.Latency = TimeSpan.FromMilliseconds(latency);
        }
        if (change["failureRate"] is JsonValue rate)
        {
            cluster.FailureRate = rate.GetValue<double>();
        }
        if (change.GetInt64("failNext") is { } failNext)
        {
            cluster.FailNext = (int)failNext;
        }
        if (change.GetInt64("failureStatusCode") is { } code)
        {
            cluster.FailureStatusCode = (int)code;
        }
        if (change.GetInt64("retryAfterSeconds") is { } retry)
        {
            cluster.RetryAfterSeconds = (int)retry;
        }
        if (change.GetInt64("watchHistorySize") is { } history)
        {
            cluster.WatchHistorySize = (int)history;
        }
        if (change.GetString("version") is { } version)
        {
            cluster.SetVersion(version);
        }
        if (change["down"] is JsonValue down)
        {
            await (down.GetValue<bool>() ? cluster.TakeDownAsync() : cluster.BringUpAsync()).ConfigureAwait(false);
        }
        return cluster;
    }

    private SimulatedCluster Find(string name) =>
        server.Clusters.FirstOrDefault(c => c.Name == name) ?? throw ApiException.NotFound("", "clusters", name);

    private static JsonObject Describe(SimulatedCluster cluster) => new()
    {
        ["name"] = cluster.Name,
        ["server"] = cluster.Server.ToString().TrimEnd('/'),
        ["port"] = cluster.Port,
        ["token"] = cluster.Token,
        ["management"] = cluster.IsManagement,
        ["version"] = cluster.Version,
        ["nodes"] = cluster.NodeCount,
        ["down"] = cluster.IsDown,
        ["latencyMs"] = (long)cluster.Latency.TotalMilliseconds,
        ["failureRate"] = cluster.FailureRate,
        ["failNext"] = cluster.FailNext,
        ["failureStatusCode"] = cluster.FailureStatusCode,
        ["retryAfterSeconds"] = cluster.RetryAfterSeconds,
        ["watchHistorySize"] = cluster.WatchHistorySize,
        ["resourceVersion"] = cluster.ResourceVersion,
    };

    private static JsonObject Counters(SimulatedCluster cluster)
    {
        var result = new JsonObject();
        foreach (var (verb, count) in cluster.GetCounters())
        {
            result[verb] = count;
        }
        return result;
    }

    private static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        try
        {
            return buffer.Length == 0 ? new JsonObject() : JsonTree.ParseObject(buffer.ToArray());
        }
        catch (System.Text.Json.JsonException e)
        {
            throw ApiException.BadRequest("the request body is not a JSON object: " + e.Message);
        }
    }
}
