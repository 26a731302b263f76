namespace Sveltos;

/// <summary>A Helm release a profile's helmCharts installed on a cluster, as Get-ClusterSummary -HelmRelease lists it.</summary>
public sealed class HelmReleaseSummary
{
    internal HelmReleaseSummary(string cluster, string profile, Engine.Deploy.DeployedRelease release, DateTimeOffset updated)
    {
        Cluster = cluster;
        Profile = profile;
        Namespace = release.Namespace;
        Name = release.Name;
        Chart = release.Chart;
        Version = release.ChartVersion;
        AppVersion = release.AppVersion;
        Revision = release.Revision;
        Status = release.Status;
        Updated = updated;
    }

    public string Cluster { get; }

    public string Profile { get; }

    /// <summary>The release namespace.</summary>
    public string Namespace { get; }

    /// <summary>The release name, as helm list shows it.</summary>
    public string Name { get; }

    public string Chart { get; }

    /// <summary>The chart's version.</summary>
    public string Version { get; }

    public string AppVersion { get; }

    /// <summary>The release's revision (helm history's REVISION).</summary>
    public int Revision { get; }

    /// <summary>The revision's status when the sync stored it (deployed).</summary>
    public string Status { get; }

    /// <summary>When the profile's record was last written.</summary>
    public DateTimeOffset Updated { get; }

    public override string ToString() => $"{Namespace}/{Name} {Chart}-{Version} revision {Revision} on {Cluster}";
}
