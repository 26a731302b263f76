namespace Sveltos;

/// <summary>What one profile has deployed in one cluster, from the record the cluster keeps.</summary>
public sealed class ClusterSummary
{
    internal ClusterSummary(string cluster, string profile, string status, string syncMode, int tier, DateTimeOffset updated, string message, IReadOnlyList<string> objects)
    {
        Cluster = cluster;
        Profile = profile;
        Status = status;
        SyncMode = syncMode;
        Tier = tier;
        Updated = updated;
        Message = message;
        Objects = objects;
    }

    public string Cluster { get; }

    public string Profile { get; }

    /// <summary>Provisioned, Applying (a sync was interrupted) or Failed.</summary>
    public string Status { get; }

    public string SyncMode { get; }

    public int Tier { get; }

    public DateTimeOffset Updated { get; }

    public string Message { get; }

    /// <summary>The fleet that deployed it (its identity); empty for records written before fleets had identities.</summary>
    public string Fleet { get; internal init; } = "";

    /// <summary>The deployed objects, as Kind/namespace/name.</summary>
    public IReadOnlyList<string> Objects { get; }

    /// <summary>The Helm releases of the profile's helmCharts, as namespace/name (chart-version, revision n).</summary>
    public IReadOnlyList<string> HelmReleases { get; internal init; } = [];

    public override string ToString() => $"{Profile} on {Cluster}: {Status}";
}
