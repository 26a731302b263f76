namespace Sveltos;

/// <summary>The outcome of one (profile, cluster) pair of a sync.</summary>
public sealed class SyncSummary
{
    internal SyncSummary(string cluster, string profile, string status, IReadOnlyDictionary<string, int> counts, string message)
    {
        Cluster = cluster;
        Profile = profile;
        Status = status;
        Counts = counts;
        Message = message;
    }

    public string Cluster { get; }

    public string Profile { get; }

    /// <summary>Provisioned, Unchanged, Withdrawn, Planned, Conflict, Failed, Skipped or Pending.</summary>
    public string Status { get; }

    public int Created => Count("Created") + Count("WouldCreate") + Count("Adopted") + Count("WouldAdopt");

    public int Updated => Count("Updated") + Count("WouldUpdate");

    public int Deleted => Count("Deleted") + Count("WouldDelete") + Count("Released") + Count("WouldRelease");

    public int Unchanged => Count("Unchanged");

    public int Failed => Count("Failed") + Count("Conflict");

    /// <summary>The number of objects per action.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    public string Message { get; }

    /// <summary>Requests to the cluster that were retried for this pair (429, 5xx, timeouts); -Verbose names each.</summary>
    public int Retries { get; internal init; }

    private int Count(string action) => Counts.TryGetValue(action, out var count) ? count : 0;

    public override string ToString() => $"{Profile} on {Cluster}: {Status}";
}
