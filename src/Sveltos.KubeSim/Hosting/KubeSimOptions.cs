namespace Sveltos.KubeSim;

/// <summary>How to start a <see cref="KubeSimServer"/>.</summary>
public sealed class KubeSimOptions
{
    public IList<ClusterSpec> Clusters { get; } = new List<ClusterSpec>();

    /// <summary>Where to write the kubeconfig; a fresh temporary file when null.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>The first cluster's port, the next ones follow; 0 gives every cluster an ephemeral port.</summary>
    public int Port { get; set; }

    /// <summary>The control endpoint's port; 0 for an ephemeral one.</summary>
    public int ControlPort { get; set; }

    /// <summary>The bearer token of the control endpoint; generated when null.</summary>
    public string? ControlToken { get; set; }

    /// <summary>
    /// Serve the clusters over HTTPS with a generated CA (its certificate goes into the kubeconfig); on by default because
    /// client-go (kubectl) never sends bearer tokens over plain HTTP. Plain HTTP still requires the token.
    /// </summary>
    public bool Tls { get; set; } = true;

    /// <summary>Simulated controllers: workloads become ready, jobs complete, pods run.</summary>
    public bool SimulateRuntime { get; set; } = true;

    /// <summary>How long the simulated controllers take to report workloads ready.</summary>
    public TimeSpan RuntimeDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Events each cluster keeps for watches to resume from; older resourceVersions get 410 Gone.</summary>
    public int WatchHistorySize { get; set; } = 10_000;

    /// <summary>How often watches that allow bookmarks receive one.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Options for the named workload clusters plus, when given, a management cluster.</summary>
    public static KubeSimOptions For(IEnumerable<string> clusters, string? management = null)
    {
        var options = new KubeSimOptions();
        if (management is not null)
        {
            options.Clusters.Add(new ClusterSpec(management) { IsManagement = true });
        }
        foreach (var name in clusters)
        {
            options.Clusters.Add(new ClusterSpec(name));
        }
        return options;
    }
}
