using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;
using Sveltos.KubeSim.Store;

namespace Sveltos.KubeSim.Api;

/// <summary>The REST verbs on a resource path: get, list, watch, create, update, patch/apply, delete, deletecollection.</summary>
internal sealed class ResourceHandler(SimulatedCluster cluster)
{
    public static string VerbOf(HttpContext context, ResourcePath path)
    {
        var query = context.Request.Query;
        return context.Request.Method switch
        {
            "GET" when path.LegacyWatch || query["watch"] is var w && (w == "true" || w == "1") => "watch",
            "GET" => path.Name is null ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => context.Request.ContentType?.StartsWith("application/apply-patch", StringComparison.OrdinalIgnoreCase) == true ? "apply" : "patch",
            "DELETE" => "delete",
            _ => "rejected",
        };
    }

    public async Task HandleAsync(HttpContext context, ResourcePath path, string verb)
    {
        var type = cluster.Registry.Find(path.Group, path.Version, path.Resource);
        if (type is null || (path.Namespace is not null && !type.Namespaced))
        {
            throw ApiException.NotFoundPath(context.Request.Path);
        }
        if (path.Subresource is not null && !(path.Subresource == "status" && type.HasStatus))
        {
            throw ApiException.NotFoundPath(context.Request.Path);
        }
        if (type.Namespaced && path.Name is not null && path.Namespace is null)
        {
            throw ApiException.NotFoundPath(context.Request.Path);
        }
        var query = context.Request.Query;
        var ns = type.Namespaced ? path.Namespace ?? "" : "";
        var write = new WriteRequest(path.Version, ns, Manager(context), query["dryRun"] == "All", path.Subresource ?? "");
        switch (verb)
        {
            case "get":
                await GetAsync(context, type, path.Version, ns, path.Name!).ConfigureAwait(false);
                break;
            case "list":
                await ListAsync(context, type, path.Version, path.Namespace).ConfigureAwait(false);
                break;
            case "watch":
                await new WatchStreamer(cluster, type, path.Version, path.Namespace, Labels(query), Fields(query, type))
                    .StreamAsync(context, query).ConfigureAwait(false);
                break;
            case "create" when path.Name is null && path.Subresource is null:
                var created = cluster.Writer.Create(type, await ReadObjectAsync(context).ConfigureAwait(false), write);
                await WriteObjectAsync(context, 201, created, path.Version).ConfigureAwait(false);
                break;
            case "update" when path.Name is not null:
                var replaced = cluster.Writer.Replace(type, path.Name, await ReadObjectAsync(context).ConfigureAwait(false), write);
                await WriteObjectAsync(context, 200, replaced, path.Version).ConfigureAwait(false);
                break;
            case "patch" or "apply" when path.Name is not null:
                var body = await ReadBodyAsync(context).ConfigureAwait(false);
                var (patched, wasCreated) = cluster.Writer.Patch(type, path.Name, context.Request.ContentType ?? "", body, write, query["force"] == "true");
                await WriteObjectAsync(context, wasCreated ? 201 : 200, patched, path.Version).ConfigureAwait(false);
                break;
            case "delete" when path.Name is not null && path.Subresource is null:
                var options = await ReadOptionalObjectAsync(context).ConfigureAwait(false);
                if (options?.GetString("dryRun") is not null || options?["dryRun"] is JsonArray { Count: > 0 })
                {
                    write = write with { DryRun = true };
                }
                var (deleted, removed) = cluster.Writer.Delete(type, path.Name, options, write);
                await WriteObjectAsync(context, removed ? 200 : 202, deleted, path.Version).ConfigureAwait(false);
                break;
            case "delete" when path.Name is null:
                if (!type.Verbs.Contains("deletecollection"))
                {
                    throw ApiException.MethodNotSupported(type.Plural, "deletecollection");
                }
                var gone = cluster.Writer.DeleteCollection(type, path.Namespace, Labels(query), Fields(query, type), write);
                await WriteListAsync(context, type, path.Version, gone, cluster.Store.ResourceVersion, null).ConfigureAwait(false);
                break;
            default:
                throw new ApiException(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource");
        }
    }

    private Task GetAsync(HttpContext context, ResourceType type, string version, string ns, string name)
    {
        var obj = cluster.Store.Get(type.Key, ns, name) ?? throw ApiException.NotFound(type.Group, type.Plural, name);
        return TableBuilder.Wanted(context.Request.Headers.Accept.ToString())
            ? Responses.WriteJsonAsync(context, 200, TableBuilder.Build(type, version, [obj], obj.ResourceVersion, context.Request.Query["includeObject"]))
            : Responses.WriteBytesAsync(context, 200, obj.JsonAt(version));
    }

    private Task ListAsync(HttpContext context, ResourceType type, string version, string? ns)
    {
        var query = context.Request.Query;
        var labels = Labels(query);
        var fields = Fields(query, type);
        var limit = long.TryParse(query["limit"], out var l) && l > 0 ? l : long.MaxValue;
        var (pageRv, afterKey) = query["continue"].ToString() is { Length: > 0 } token ? ContinueToken.Decode(token) : (0L, null);
        List<StoredObject> items;
        long rv;
        string? next = null;
        lock (cluster.Store.Gate)
        {
            rv = pageRv > 0 ? pageRv : cluster.Store.ResourceVersion;
            IEnumerable<StoredObject> candidates = fields.ExactName is { } exact && (ns is not null || !type.Namespaced)
                ? [cluster.Store.Get(type.Key, ns ?? "", exact)!]
                : cluster.Store.Scan(type.Key, ns, afterKey);
            items = candidates.Where(o => o is not null && labels.Matches(o.Labels) && fields.Matches(o)).Take(limit == long.MaxValue ? int.MaxValue : (int)limit + 1).ToList();
            if (items.Count > limit)
            {
                items.RemoveAt(items.Count - 1);
                next = ContinueToken.Encode(rv, items[^1].Key);
            }
        }
        return TableBuilder.Wanted(context.Request.Headers.Accept.ToString())
            ? Responses.WriteJsonAsync(context, 200, TableBuilder.Build(type, version, items, rv, query["includeObject"], next))
            : WriteListAsync(context, type, version, items, rv, next);
    }

    private static async Task WriteListAsync(HttpContext context, ResourceType type, string version, IReadOnlyList<StoredObject> items, long rv, string? continueToken)
    {
        var head = $"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.ApiVersion(version)}\",\"metadata\":{{\"resourceVersion\":\"{rv}\"{(continueToken is null ? "" : $",\"continue\":\"{continueToken}\"")}}},\"items\":[";
        var buffer = new MemoryStream(items.Sum(i => i.Json.Length + 1) + head.Length + 2);
        buffer.Write(Encoding.UTF8.GetBytes(head));
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }
            buffer.Write(items[i].JsonAt(version));
        }
        buffer.Write("]}"u8);
        await Responses.WriteBytesAsync(context, 200, buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
    }

    private static Task WriteObjectAsync(HttpContext context, int status, StoredObject obj, string version) =>
        Responses.WriteBytesAsync(context, status, obj.JsonAt(version));

    /// <summary>The field manager: the fieldManager parameter, else the user agent up to its first '/', as the API server does.</summary>
    private static string Manager(HttpContext context)
    {
        if (context.Request.Query["fieldManager"].ToString() is { Length: > 0 } manager)
        {
            return manager;
        }
        var agent = context.Request.Headers.UserAgent.ToString();
        var prefix = agent.Split('/')[0].Trim();
        return prefix.Length > 128 ? prefix[..128] : prefix.Length == 0 ? "unknown" : prefix;
    }

    private static LabelSelector Labels(IQueryCollection query)
    {
        try
        {
            return LabelSelector.Parse(query["labelSelector"]);
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest(e.Message);
        }
    }

    private static FieldSelector Fields(IQueryCollection query, ResourceType type)
    {
        try
        {
            return FieldSelector.Parse(query["fieldSelector"], type.Kind);
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest(e.Message);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context) =>
        await ReadOptionalObjectAsync(context).ConfigureAwait(false) ?? throw ApiException.BadRequest("the request body is empty");

    private static async Task<JsonObject?> ReadOptionalObjectAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return null;
        }
        if (ProtobufDecoder.IsProtobuf(context.Request.ContentType))
        {
            return ProtobufDecoder.Decode(body);
        }
        try
        {
            var isYaml = context.Request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true;
            var node = isYaml ? YamlToJson.ConvertSingleDocument(Encoding.UTF8.GetString(body)) : JsonNode.Parse(body);
            return node as JsonObject ?? throw ApiException.BadRequest("the request body is not an object");
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw ApiException.BadRequest("error decoding request body: " + e.Message);
        }
    }
}
