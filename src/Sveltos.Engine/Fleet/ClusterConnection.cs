using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Fleet;

/// <summary>Where a cluster's kubeconfig comes from; resolved only when a client is needed.</summary>
public abstract class ClusterConnection
{
    /// <summary>A description without secrets, e.g. "context 'prod-1'" or "Secret ns/x-sveltos-kubeconfig".</summary>
    public abstract string Describe();

    public abstract Task<ResolvedContext> ResolveAsync(CancellationToken cancellationToken);

    public override string ToString() => Describe();
}

/// <summary>A context of kubeconfig files (the fleet directory and the kubeconfig fleet use these).</summary>
public sealed class ContextConnection(string context, IReadOnlyList<string>? kubeconfigPaths) : ClusterConnection
{
    public string Context { get; } = context;

    public IReadOnlyList<string>? KubeconfigPaths { get; } = kubeconfigPaths;

    public override string Describe() =>
        KubeconfigPaths is { Count: > 0 } ? $"context '{Context}' of {string.Join(", ", KubeconfigPaths)}" : $"context '{Context}'";

    public override Task<ResolvedContext> ResolveAsync(CancellationToken cancellationToken) =>
        Task.FromResult(KubeconfigLoader.LoadCached(KubeconfigPaths).Resolve(Context));
}

/// <summary>A kubeconfig stored in a Secret of the management cluster, as Sveltos and Cluster API keep them.</summary>
public sealed class SecretConnection(KubeClient management, string @namespace, string secretName, string? key, string clusterName) : ClusterConnection
{
    public override string Describe() => $"Secret {@namespace}/{secretName}" + (key is null ? "" : $" key '{key}'");

    public override async Task<ResolvedContext> ResolveAsync(CancellationToken cancellationToken)
    {
        var secrets = await management.ResolveResourceAsync("v1", "Secret", cancellationToken).ConfigureAwait(false);
        var secret = await management.GetAsync(secrets, @namespace, secretName, cancellationToken).ConfigureAwait(false)
            ?? throw new SveltosException(
                "KubeconfigSecretNotFound",
                ErrorKind.ObjectNotFound,
                $"Cluster '{@namespace}/{clusterName}': its kubeconfig Secret {@namespace}/{secretName} does not exist in management cluster '{management.ClusterName}'.",
                $"{@namespace}/{clusterName}",
                "Register the cluster again (Register-SveltosCluster) or create the Secret with the cluster's kubeconfig.");
        var data = SecretData.Decode(secret);
        var chosenKey = key ?? (data.ContainsKey("kubeconfig") ? "kubeconfig" : data.Keys.Order(StringComparer.Ordinal).FirstOrDefault());
        if (chosenKey is null || !data.TryGetValue(chosenKey, out var text))
        {
            throw new SveltosException(
                "KubeconfigSecretInvalid",
                ErrorKind.InvalidData,
                $"Cluster '{@namespace}/{clusterName}': Secret {@namespace}/{secretName} has no key '{chosenKey ?? "kubeconfig"}'.",
                $"{@namespace}/{clusterName}",
                "Store the kubeconfig under the key the cluster names (spec.kubeconfigKeyName), 'kubeconfig' by default.");
        }

        var source = $"Secret {@namespace}/{secretName}[{chosenKey}]";
        var kubeconfig = KubeconfigLoader.LoadText(text, source);
        var context = kubeconfig.CurrentContext ?? kubeconfig.Contexts.Keys.Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new SveltosException(
                "KubeconfigSecretInvalid",
                ErrorKind.InvalidData,
                $"Cluster '{@namespace}/{clusterName}': the kubeconfig in {source} defines no context.",
                $"{@namespace}/{clusterName}",
                "Store a kubeconfig with a context (and current-context) in the Secret.");
        return kubeconfig.Resolve(context);
    }
}
