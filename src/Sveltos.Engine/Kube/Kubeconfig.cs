namespace Sveltos.Engine.Kube;

/// <summary>
/// A kubeconfig after kubectl's merge rules: entries from several files, the first file to name an
/// entry winning. Every entry remembers the file it came from so errors can point at it.
/// </summary>
public sealed class Kubeconfig
{
    internal Kubeconfig(
        IReadOnlyList<string> files,
        string? currentContext,
        IReadOnlyDictionary<string, KubeconfigContext> contexts,
        IReadOnlyDictionary<string, KubeconfigCluster> clusters,
        IReadOnlyDictionary<string, KubeconfigUser> users)
    {
        Files = files;
        CurrentContext = currentContext;
        Contexts = contexts;
        Clusters = clusters;
        Users = users;
    }

    /// <summary>The files that were read, in precedence order.</summary>
    public IReadOnlyList<string> Files { get; }

    public string? CurrentContext { get; }

    public IReadOnlyDictionary<string, KubeconfigContext> Contexts { get; }

    public IReadOnlyDictionary<string, KubeconfigCluster> Clusters { get; }

    public IReadOnlyDictionary<string, KubeconfigUser> Users { get; }

    /// <summary>Resolves a context to its cluster and user, failing with the file and entry that is wrong.</summary>
    public ResolvedContext Resolve(string contextName)
    {
        if (!Contexts.TryGetValue(contextName, out var context))
        {
            throw new SveltosException(
                "KubeconfigContextNotFound",
                ErrorKind.ObjectNotFound,
                $"Context '{contextName}' is not defined in kubeconfig {DescribeFiles()}.",
                contextName,
                "Run Get-SveltosCluster to list the contexts that exist, or pass -Kubeconfig with the right file.");
        }

        if (!Clusters.TryGetValue(context.Cluster, out var cluster))
        {
            throw new SveltosException(
                "KubeconfigClusterNotFound",
                ErrorKind.ObjectNotFound,
                $"Kubeconfig '{context.SourceFile}': context '{context.Name}' names cluster '{context.Cluster}', which is not defined in any kubeconfig file.",
                context.Name,
                $"Add a 'clusters' entry named '{context.Cluster}' or correct the context's cluster.");
        }

        KubeconfigUser? user = null;
        if (context.User.Length > 0 && !Users.TryGetValue(context.User, out user))
        {
            throw new SveltosException(
                "KubeconfigUserNotFound",
                ErrorKind.ObjectNotFound,
                $"Kubeconfig '{context.SourceFile}': context '{context.Name}' names user '{context.User}', which is not defined in any kubeconfig file.",
                context.Name,
                $"Add a 'users' entry named '{context.User}' or correct the context's user.");
        }

        return new ResolvedContext(context, cluster, user ?? KubeconfigUser.Anonymous);
    }

    internal string DescribeFiles() => Files.Count == 1 ? $"'{Files[0]}'" : "(" + string.Join(", ", Files.Select(f => $"'{f}'")) + ")";
}

/// <summary>A context with the cluster and user it names.</summary>
public sealed record ResolvedContext(KubeconfigContext Context, KubeconfigCluster Cluster, KubeconfigUser User)
{
    public string Name => Context.Name;

    /// <summary>The namespace the context selects, or <c>default</c> as kubectl uses.</summary>
    public string Namespace => string.IsNullOrEmpty(Context.Namespace) ? "default" : Context.Namespace;
}

public sealed record KubeconfigContext(string Name, string Cluster, string User, string? Namespace, string SourceFile);

public sealed record KubeconfigCluster(
    string Name,
    string Server,
    string? CertificateAuthorityData,
    string? CertificateAuthorityFile,
    bool InsecureSkipTlsVerify,
    string? TlsServerName,
    string? ProxyUrl,
    string SourceFile);
