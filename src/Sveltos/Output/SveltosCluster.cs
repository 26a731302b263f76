namespace Sveltos;

/// <summary>A cluster of the fleet as Get-SveltosCluster shows it. Holds no credentials.</summary>
public sealed class SveltosCluster
{
    internal SveltosCluster(
        string name,
        string @namespace,
        string type,
        IReadOnlyDictionary<string, string> labels,
        bool ready,
        bool paused,
        string? kubernetesVersion,
        string connectionStatus,
        string? server,
        string? context,
        string? source,
        string fleet,
        string? message)
    {
        Name = name;
        Namespace = @namespace;
        Type = type;
        Labels = new SortedDictionary<string, string>(labels.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        Ready = ready;
        Paused = paused;
        KubernetesVersion = kubernetesVersion;
        ConnectionStatus = connectionStatus;
        Server = server;
        Context = context;
        Source = source;
        Fleet = fleet;
        Message = message;
    }

    /// <summary>
    /// A cluster given by name on the command line (<c>eu-prod</c>, <c>fleet/eu-prod</c>, wildcards allowed): the
    /// cmdlet resolves it against its fleet, so it names no type, labels or connection of its own.
    /// </summary>
    internal static SveltosCluster Named(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return new SveltosCluster(slash < 0 ? text : text[(slash + 1)..], slash < 0 ? "" : text[..slash], "", new Dictionary<string, string>(), false, false, null, "Unknown", null, null, null, "", null)
        {
            IsName = true,
        };
    }

    /// <summary>True for a cluster given only by name (see <see cref="Named"/>).</summary>
    internal bool IsName { get; private init; }

    public string Name { get; }

    public string Namespace { get; }

    /// <summary>SveltosCluster, Capi (a Cluster API Cluster) or Kubeconfig (a context when no fleet is connected).</summary>
    public string Type { get; }

    public SortedDictionary<string, string> Labels { get; }

    public bool Ready { get; }

    public bool Paused { get; }

    /// <summary>Only ready, unpaused clusters receive add-ons, as in Sveltos.</summary>
    public bool Eligible => Ready && !Paused;

    public string? KubernetesVersion { get; }

    /// <summary>Healthy or Down from a live probe of the API server; Unknown when the probe was skipped.</summary>
    public string ConnectionStatus { get; }

    public string? Server { get; }

    /// <summary>The kubeconfig context used to reach the cluster, when it is reached through one.</summary>
    public string? Context { get; }

    /// <summary>The file that declares the cluster (fleet directory or kubeconfig), never its content.</summary>
    public string? Source { get; }

    /// <summary>The fleet the cluster belongs to.</summary>
    public string Fleet { get; }

    /// <summary>Why the probe failed, when it did.</summary>
    public string? Message { get; }

    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
