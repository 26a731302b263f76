using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Api;

/// <summary>Writes JSON bodies and Kubernetes Status objects.</summary>
internal static class Responses
{
    public const string Json = "application/json";

    public static Task WriteJsonAsync(HttpContext context, int status, JsonNode body, string contentType = Json) =>
        WriteBytesAsync(context, status, JsonTree.ToUtf8(body), contentType);

    public static async Task WriteBytesAsync(HttpContext context, int status, ReadOnlyMemory<byte> body, string contentType = Json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    public static JsonObject Status(ApiException error)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
            ["reason"] = error.Reason,
        };
        if (error.Details is not null)
        {
            status["details"] = error.Details.DeepClone();
        }
        status["code"] = error.Code;
        return status;
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error)
    {
        if (error.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return WriteJsonAsync(context, error.Code, Status(error));
    }
}
