using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Sveltos.Engine.Kube;

/// <summary>
/// Maps kinds onto resources by asking the server once per group-version. A kind that is missing
/// from the cache is looked up again before the answer is "not served", so CRDs created since are seen.
/// </summary>
internal sealed class ApiDiscovery(KubeClient client)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ApiResource>>>> byGroupVersion = new(StringComparer.Ordinal);

    public async Task<ApiResource?> FindAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        var found = Match(await ResourcesAsync(apiVersion, cancellationToken).ConfigureAwait(false), kind);
        if (found is not null)
        {
            return found;
        }

        byGroupVersion.TryRemove(apiVersion, out _);
        return Match(await ResourcesAsync(apiVersion, cancellationToken).ConfigureAwait(false), kind);
    }

    public void Invalidate() => byGroupVersion.Clear();

    private static ApiResource? Match(IReadOnlyList<ApiResource> resources, string kind) =>
        resources.FirstOrDefault(r => string.Equals(r.Kind, kind, StringComparison.Ordinal));

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
