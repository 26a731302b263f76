using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AggregatedIndex = System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IReadOnlyList<Sveltos.Engine.Kube.ApiResource>>;

namespace Sveltos.Engine.Kube;

/// <summary>
/// Maps kinds onto resources with as few requests as the server allows. The core kinds every API server serves
/// need none. Servers with aggregated discovery (Kubernetes 1.26+) describe all their groups in two documents,
/// /api (the core group) and /apis (every other), each fetched once when first needed; older servers are asked
/// once per group-version. A kind missing from the cache is looked up again before the answer is "not served",
/// so CRDs created since are seen.
/// </summary>
internal sealed class ApiDiscovery(KubeClient client)
{
    // The aggregated forms kubectl asks for, newest first, then plain JSON, which older servers answer with APIVersions/APIGroupList.
    private const string AggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    // Served by every Kubernetes API server since 1.0, and not switchable off.
    private static readonly Dictionary<string, ApiResource> CoreKinds = new[]
    {
        Core("ConfigMap", "configmaps", namespaced: true),
        Core("Secret", "secrets", namespaced: true),
        Core("ServiceAccount", "serviceaccounts", namespaced: true),
        Core("Service", "services", namespaced: true),
        Core("Pod", "pods", namespaced: true),
        Core("Namespace", "namespaces", namespaced: false),
        Core("Node", "nodes", namespaced: false),
    }.ToDictionary(r => r.Kind, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ApiResource>>>> byGroupVersion = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<AggregatedIndex?>>> aggregated = new(StringComparer.Ordinal);
    private volatile bool aggregatedUnsupported;

    public async Task<ApiResource?> FindAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        if (apiVersion == "v1" && CoreKinds.TryGetValue(kind, out var core))
        {
            return core;
        }

        if (!aggregatedUnsupported)
        {
            var document = apiVersion.Contains('/', StringComparison.Ordinal) ? "/apis" : "/api";
            var (index, source) = await AggregatedAsync(document, null, cancellationToken).ConfigureAwait(false);
            if (index is not null)
            {
                return Match(index.GetValueOrDefault(apiVersion), kind)
                    ?? Match((await AggregatedAsync(document, source, cancellationToken).ConfigureAwait(false)).Index?.GetValueOrDefault(apiVersion), kind);
            }
        }

        var found = Match(await ResourcesAsync(apiVersion, cancellationToken).ConfigureAwait(false), kind);
        if (found is not null)
        {
            return found;
        }

        byGroupVersion.TryRemove(apiVersion, out _);
        return Match(await ResourcesAsync(apiVersion, cancellationToken).ConfigureAwait(false), kind);
    }

    /// <summary>
    /// Every group version the server serves and every kind in it ("apps/v1" and "apps/v1/Deployment"), as Helm's
    /// GetVersionSet builds .Capabilities.APIVersions from discovery.
    /// </summary>
    public async Task<IReadOnlyList<string>> ServedVersionsAsync(CancellationToken cancellationToken)
    {
        var byVersion = new Dictionary<string, IReadOnlyList<ApiResource>>(StringComparer.Ordinal);
        foreach (var document in new[] { "/api", "/apis" })
        {
            var index = aggregatedUnsupported ? null : (await AggregatedAsync(document, null, cancellationToken).ConfigureAwait(false)).Index;
            if (index is not null)
            {
                foreach (var (version, resources) in index)
                {
                    byVersion[version] = resources;
                }

                continue;
            }

            foreach (var version in await GroupVersionsAsync(document, cancellationToken).ConfigureAwait(false))
            {
                byVersion[version] = await ResourcesAsync(version, cancellationToken).ConfigureAwait(false);
            }
        }

        var served = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (version, resources) in byVersion)
        {
            served.Add(version);
            foreach (var resource in resources.Where(r => r.Kind.Length > 0))
            {
                served.Add($"{version}/{resource.Kind}");
            }
        }

        return served.ToList();
    }

    /// <summary>The group versions of a server without aggregated discovery: /api's versions, or /apis' groups' versions.</summary>
    private async Task<IReadOnlyList<string>> GroupVersionsAsync(string document, CancellationToken cancellationToken)
    {
        var list = await client.GetPathAsync(document, cancellationToken).ConfigureAwait(false);
        if (document == "/api")
        {
            return (list?["versions"] as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? "").Where(v => v.Length > 0).ToList();
        }

        return (list?["groups"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(g => (g["versions"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(v => v["groupVersion"]?.GetValue<string>() ?? "")
            .Where(v => v.Length > 0)
            .ToList();
    }

    public void Invalidate()
    {
        byGroupVersion.Clear();
        aggregated.Clear();
    }

    private static ApiResource Core(string kind, string plural, bool namespaced) => new("", "v1", kind, plural, namespaced);

    private static ApiResource? Match(IReadOnlyList<ApiResource>? resources, string kind) =>
        resources?.FirstOrDefault(r => string.Equals(r.Kind, kind, StringComparison.Ordinal));

    /// <summary>
    /// A discovery document's index, fetched once; with <paramref name="stale"/>, fetched again unless another
    /// caller already replaced that copy (so a burst of lookups for one new CRD fetches once).
    /// </summary>
    private async Task<(AggregatedIndex? Index, Lazy<Task<AggregatedIndex?>> Source)> AggregatedAsync(
        string document,
        Lazy<Task<AggregatedIndex?>>? stale,
        CancellationToken cancellationToken)
    {
        var fresh = new Lazy<Task<AggregatedIndex?>>(() => FetchAggregatedAsync(document, cancellationToken));
        var current = stale is not null && aggregated.TryUpdate(document, fresh, stale) ? fresh : aggregated.GetOrAdd(document, fresh);
        try
        {
            var index = await current.Value.ConfigureAwait(false);
            aggregatedUnsupported |= index is null;
            return (index, current);
        }
        catch
        {
            // A failed lookup must not poison the cache for later callers.
            aggregated.TryRemove(new KeyValuePair<string, Lazy<Task<AggregatedIndex?>>>(document, current));
            throw;
        }
    }

    /// <summary>Every group-version's resources in an aggregated document; null when the server has no aggregated discovery.</summary>
    private async Task<AggregatedIndex?> FetchAggregatedAsync(string document, CancellationToken cancellationToken)
    {
        var list = await client.GetPathAsync(document, cancellationToken, AggregatedAccept).ConfigureAwait(false);
        if (list?["kind"]?.GetValue<string>() != "APIGroupDiscoveryList")
        {
            return null;
        }

        var index = new Dictionary<string, IReadOnlyList<ApiResource>>(StringComparer.Ordinal);
        foreach (var group in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var groupName = group["metadata"]?["name"]?.GetValue<string>() ?? "";
            foreach (var version in (group["versions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var versionName = version["version"]?.GetValue<string>() ?? "";
                index[groupName.Length == 0 ? versionName : $"{groupName}/{versionName}"] = (version["resources"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Where(r => r["resource"]?.GetValue<string>() is { Length: > 0 })
                    .Select(r => new ApiResource(
                        groupName,
                        versionName,
                        r["responseKind"]?["kind"]?.GetValue<string>() ?? "",
                        r["resource"]!.GetValue<string>(),
                        r["scope"]?.GetValue<string>() == "Namespaced"))
                    .ToList();
            }
        }

        return index;
    }

    private async Task<IReadOnlyList<ApiResource>> ResourcesAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var lazy = byGroupVersion.GetOrAdd(apiVersion, v => new Lazy<Task<IReadOnlyList<ApiResource>>>(() => FetchAsync(v, cancellationToken)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed lookup must not poison the cache for later callers.
            byGroupVersion.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyList<ApiResource>>>>(apiVersion, lazy));
            throw;
        }
    }

    private async Task<IReadOnlyList<ApiResource>> FetchAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        var list = await client.GetPathAsync(path, cancellationToken).ConfigureAwait(false);
        if (list?["resources"] is not JsonArray resources)
        {
            return [];
        }

        return resources
            .OfType<JsonObject>()
            .Where(r => r["name"]?.GetValue<string>() is { } name && !name.Contains('/', StringComparison.Ordinal))
            .Select(r => new ApiResource(
                group,
                version,
                r["kind"]?.GetValue<string>() ?? "",
                r["name"]!.GetValue<string>(),
                r["namespaced"]?.GetValue<bool>() ?? false))
            .ToList();
    }
}
