using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Reads each namespace once while a plan is made: nothing can exist in a namespace that does not, so a first
/// deployment into a new namespace needs no per-object reads, and a Namespace the content itself declares is read
/// by the same request.
/// </summary>
internal sealed class NamespaceProbe(KubeClient client)
{
    private readonly Dictionary<string, JsonObject?> known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        await GetAsync(name, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The live Namespace object, or null when there is none.</summary>
    public async Task<JsonObject?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(name, out var live))
        {
            var namespaces = await client.ResolveResourceAsync("v1", "Namespace", cancellationToken).ConfigureAwait(false);
            live = await client.GetAsync(namespaces, null, name, cancellationToken).ConfigureAwait(false);
            known[name] = live;
        }

        return live;
    }
}
