namespace Sveltos;

/// <summary>A cluster of the fleet as Get-SveltosCluster shows it. Holds no credentials.</summary>
public sealed class SveltosCluster
{
    public SveltosCluster(string name, string context, string server, string @namespace, IReadOnlyDictionary<string, string> labels, string kubeconfigFile)
    {
        Name = name;
        Context = context;
        Server = server;
        Namespace = @namespace;
        Labels = new SortedDictionary<string, string>(labels.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        KubeconfigFile = kubeconfigFile;
    }

    public string Name { get; }

    public string Context { get; }

    public string Server { get; }

    public string Namespace { get; }

    public SortedDictionary<string, string> Labels { get; }

    /// <summary>The kubeconfig file that defines the context (a path, never its content).</summary>
    public string KubeconfigFile { get; }

    public override string ToString() => Name;
}
