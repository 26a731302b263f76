using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Answers "does this namespace exist?" once per namespace while a plan is made: nothing can exist in
/// a namespace that does not, so a first deployment into a new namespace needs no per-object reads.
/// </summary>
internal sealed class NamespaceProbe(KubeClient client)
{
    private readonly Dictionary<string, bool> known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(name, out var exists))
        {
            var namespaces = await client.ResolveResourceAsync("v1", "Namespace", cancellationToken).ConfigureAwait(false);
            exists = await client.GetAsync(namespaces, null, name, cancellationToken).ConfigureAwait(false) is not null;
            known[name] = exists;
        }

        return exists;
    }
}
