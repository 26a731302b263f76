using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sveltos.Engine.Kube;

/// <summary>
/// A connection to one cluster's API server, speaking plain REST with JSON objects so that any kind,
/// built-in or custom, is handled the same way. Transient failures are retried with backoff; other
/// failures surface as <see cref="KubeApiException"/> naming the cluster and request.
/// </summary>
public sealed class KubeClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMedia = new("application/json");
    private readonly k8s.Kubernetes kubernetes;
    private readonly KubeClientOptions options;
    private readonly ApiDiscovery discovery;

    internal KubeClient(k8s.Kubernetes kubernetes, string clusterName, string defaultNamespace, KubeClientOptions options)
    {
        this.kubernetes = kubernetes;
        this.options = options;
        ClusterName = clusterName;
        DefaultNamespace = defaultNamespace;
        discovery = new ApiDiscovery(this);
    }

    public string ClusterName { get; }

    public string DefaultNamespace { get; }

    public Uri Server => kubernetes.BaseUri;

    public async Task<string> GetServerVersionAsync(CancellationToken cancellationToken)
    {
        var version = await SendAsync(HttpMethod.Get, "/version", null, cancellationToken).ConfigureAwait(false);
        return version?["gitVersion"]?.GetValue<string>() ?? "";
    }

    /// <summary>Finds how <paramref name="kind"/> of <paramref name="apiVersion"/> is served; null when it is not.</summary>
    public Task<ApiResource?> FindResourceAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        discovery.FindAsync(apiVersion, kind, cancellationToken);

    public async Task<ApiResource> ResolveResourceAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        await FindResourceAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false)
        ?? throw new SveltosException(
            "KindNotServed",
            ErrorKind.ObjectNotFound,
            $"Cluster '{ClusterName}' does not serve kind '{kind}' in '{apiVersion}'.",
            ClusterName,
            "Install the CustomResourceDefinition for that kind first, or correct apiVersion/kind.");

    /// <summary>Every served group version and group version/kind (Helm's .Capabilities.APIVersions of the cluster).</summary>
    public Task<IReadOnlyList<string>> GetServedApiVersionsAsync(CancellationToken cancellationToken) => discovery.ServedVersionsAsync(cancellationToken);

    /// <summary>Forgets cached discovery, so newly created CRDs become visible.</summary>
    public void InvalidateDiscovery() => discovery.Invalidate();

    public Task<JsonObject?> GetAsync(ApiResource resource, string? @namespace, string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, resource.ObjectPath(@namespace, name), null, cancellationToken, notFoundIsNull: true);

    /// <summary>Lists every object (following continue tokens) and returns them with the list's resourceVersion.</summary>
    public async Task<ObjectList> ListAsync(ApiResource resource, string? @namespace, string? labelSelector, CancellationToken cancellationToken, int pageSize = 500)
    {
        var items = new List<JsonObject>();
        string? continueToken = null;
        string resourceVersion = "";
        do
        {
            var query = Query(("labelSelector", labelSelector), ("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("continue", continueToken));
            var page = await SendAsync(HttpMethod.Get, resource.CollectionPath(@namespace) + query, null, cancellationToken).ConfigureAwait(false);
            if (page?["items"] is JsonArray pageItems)
            {
                foreach (var item in pageItems.OfType<JsonObject>())
                {
                    item["apiVersion"] ??= resource.ApiVersion;
                    item["kind"] ??= resource.Kind;
                    items.Add(item);
                }
            }

            resourceVersion = page?["metadata"]?["resourceVersion"]?.GetValue<string>() ?? resourceVersion;
            continueToken = page?["metadata"]?["continue"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(continueToken));

        return new ObjectList(items, resourceVersion);
    }

    /// <summary>Server-side apply: creates or updates the fields this field manager owns.</summary>
    public async Task<JsonObject> ApplyAsync(ApiResource resource, JsonObject obj, string fieldManager, bool force, bool dryRun, CancellationToken cancellationToken)
    {
        var metadata = obj["metadata"] as JsonObject;
        var name = metadata?["name"]?.GetValue<string>() ?? throw new ArgumentException("The object has no metadata.name.", nameof(obj));
        var ns = resource.Namespaced ? metadata?["namespace"]?.GetValue<string>() ?? DefaultNamespace : null;
        var query = Query(("fieldManager", fieldManager), ("force", force ? "true" : null), ("dryRun", dryRun ? "All" : null));
        var content = new StringContent(obj.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
        return (await SendAsync(HttpMethod.Patch, resource.ObjectPath(ns, name) + query, content, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>JSON merge patch (RFC 7386) of one object.</summary>
    public async Task<JsonObject> MergePatchAsync(ApiResource resource, string? @namespace, string name, JsonObject patch, string fieldManager, CancellationToken cancellationToken, string? subresource = null, bool dryRun = false)
    {
        var content = new StringContent(patch.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        var path = resource.ObjectPath(@namespace, name) + (subresource is null ? "" : "/" + subresource);
        return (await SendAsync(HttpMethod.Patch, path + Query(("fieldManager", fieldManager), ("dryRun", dryRun ? "All" : null)), content, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<JsonObject> CreateAsync(ApiResource resource, string? @namespace, JsonObject obj, string fieldManager, CancellationToken cancellationToken)
    {
        var content = new StringContent(obj.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = JsonMedia;
        return (await SendAsync(HttpMethod.Post, resource.CollectionPath(@namespace) + Query(("fieldManager", fieldManager)), content, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<JsonObject> ReplaceAsync(ApiResource resource, string? @namespace, JsonObject obj, string fieldManager, CancellationToken cancellationToken)
    {
        var name = obj["metadata"]?["name"]?.GetValue<string>() ?? throw new ArgumentException("The object has no metadata.name.", nameof(obj));
        var content = new StringContent(obj.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = JsonMedia;
        return (await SendAsync(HttpMethod.Put, resource.ObjectPath(@namespace, name) + Query(("fieldManager", fieldManager)), content, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Deletes one object (dependents in the background); false when it was already gone.</summary>
    /// <param name="propagationPolicy">Background (the default), Foreground or Orphan: what becomes of the object's dependents.</param>
    public async Task<bool> DeleteAsync(ApiResource resource, string? @namespace, string name, bool dryRun, CancellationToken cancellationToken, string propagationPolicy = "Background")
    {
        var options = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = propagationPolicy };
        var content = new StringContent(options.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = JsonMedia;
        var result = await SendAsync(HttpMethod.Delete, resource.ObjectPath(@namespace, name) + Query(("dryRun", dryRun ? "All" : null)), content, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        return result is not null;
    }

    /// <summary>
    /// Streams watch events from <paramref name="resourceVersion"/> until the server closes the watch or
    /// the token is cancelled. A 410 Gone surfaces as a <see cref="KubeApiException"/> with reason Expired.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        ApiResource resource,
        string? @namespace,
        string? labelSelector,
        string resourceVersion,
        int timeoutSeconds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = resource.CollectionPath(@namespace) + Query(
            ("watch", "true"),
            ("labelSelector", labelSelector),
            ("resourceVersion", resourceVersion),
            ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var response = await SendRawAsync(HttpMethod.Get, path, null, streaming: true, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var node = JsonNode.Parse(line) as JsonObject;
            var type = node?["type"]?.GetValue<string>() ?? "";
            var obj = node?["object"] as JsonObject ?? new JsonObject();
            if (type == "ERROR")
            {
                throw StatusError(HttpStatusCode.Gone, obj, $"watch {resource.Plural}");
            }

            yield return new WatchEvent(type, obj);
        }
    }

    public void Dispose() => kubernetes.Dispose();

    private async Task<JsonObject?> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool notFoundIsNull = false, string accept = "application/json")
    {
        using var response = await SendRawAsync(method, path, content, streaming: false, cancellationToken, notFoundIsNull, accept).ConfigureAwait(false);
        if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject;
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, bool streaming, CancellationToken cancellationToken, bool notFoundIsNull = false, string accept = "application/json")
    {
        var payload = content is null ? null : await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentType = content?.Headers.ContentType;
        var describe = $"{method.Method} {path.Split('?')[0]}";
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (!streaming)
            {
                timeout.CancelAfter(options.RequestTimeout);
            }

            using var request = new HttpRequestMessage(method, new Uri(kubernetes.BaseUri, path.TrimStart('/')));
            request.Headers.TryAddWithoutValidation("Accept", accept);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            if (payload is not null)
            {
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = contentType;
            }

            HttpResponseMessage response;
            try
            {
                if (kubernetes.Credentials is { } credentials)
                {
                    await credentials.ProcessHttpRequestAsync(request, timeout.Token).ConfigureAwait(false);
                }

                response = await kubernetes.HttpClient.SendAsync(request, streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException)
            {
                if (attempt >= options.MaxAttempts)
                {
                    var what = ex is OperationCanceledException ? $"timed out after {options.RequestTimeout.TotalSeconds:0}s" : Unwrap(ex).Message;
                    throw new SveltosException(
                        ex is OperationCanceledException ? "ClusterTimeout" : "ClusterUnreachable",
                        ex is OperationCanceledException ? ErrorKind.OperationTimeout : ErrorKind.ConnectionError,
                        $"Cluster '{ClusterName}' ({kubernetes.BaseUri.GetLeftPart(UriPartial.Authority)}) is unreachable: {describe} {what} after {attempt} attempts.",
                        ClusterName,
                        "Check that the cluster is up and reachable from here; the other clusters are not affected.",
                        ex);
                }

                var backoff = Backoff(attempt);
                RetryLog.Report(new RequestRetry(ClusterName, describe, ex is OperationCanceledException ? $"timed out after {options.RequestTimeout.TotalSeconds:0} s" : $"failed ({Unwrap(ex).Message})", attempt, options.MaxAttempts, backoff));
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.IsSuccessStatusCode || (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound))
            {
                return response;
            }

            using (response)
            {
                var retryAfter = RetryDelay(response, attempt);
                if (retryAfter is { } delay && attempt < options.MaxAttempts)
                {
                    var asked = response.Headers.RetryAfter?.Delta is not null ? ", as its Retry-After asks" : "";
                    RetryLog.Report(new RequestRetry(ClusterName, describe, $"answered {(int)response.StatusCode} {response.ReasonPhrase}{asked}", attempt, options.MaxAttempts, delay));
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                JsonObject? status = null;
                try
                {
                    status = JsonNode.Parse(text) as JsonObject;
                }
                catch (JsonException)
                {
                }

                throw StatusError(response.StatusCode, status, describe, text);
            }
        }
    }

    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt)
    {
        var code = (int)response.StatusCode;
        if (code != 429 && code != 500 && code != 502 && code != 503 && code != 504)
        {
            return null;
        }

        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta <= options.MaxRetryAfter ? delta : null;
        }

        return Backoff(attempt);
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.MaxBackoff.TotalMilliseconds);

        // Jitter keeps many clusters' retries from arriving in lockstep.
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private KubeApiException StatusError(HttpStatusCode code, JsonObject? status, string request, string? rawText = null)
    {
        var message = status?["message"]?.GetValue<string>() ?? (string.IsNullOrWhiteSpace(rawText) ? code.ToString() : rawText.Trim());
        var reason = status?["reason"]?.GetValue<string>() ?? "";
        var causes = (status?["details"]?["causes"] as JsonArray)?
            .OfType<JsonObject>()
            .Select(c => $"{c["field"]?.GetValue<string>()}: {c["message"]?.GetValue<string>()}".Trim(' ', ':'))
            .ToList() ?? [];
        return new KubeApiException(ClusterName, code, reason, message, causes, request);
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    internal Task<JsonObject?> GetPathAsync(string path, CancellationToken cancellationToken, string accept = "application/json") =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken, notFoundIsNull: true, accept);

    private static string Query(params (string Key, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}

/// <summary>The objects of a list and the resourceVersion to watch from.</summary>
public sealed record ObjectList(IReadOnlyList<JsonObject> Items, string ResourceVersion);

/// <summary>One watch event: ADDED, MODIFIED, DELETED or BOOKMARK, with the object.</summary>
public sealed record WatchEvent(string Type, JsonObject Object);
