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

    /// <summary>The counts in words, e.g. <c>2 created, 1 unchanged</c> or <c>3 to update</c>: what the default table shows.</summary>
    public string DescribeCounts() => string.Join(", ", CountOrder
        .Where(a => Count(a.Action) > 0)
        .Select(a => $"{Count(a.Action)} {a.Words}"));

    private static readonly (string Action, string Words)[] CountOrder =
    [
        ("Created", "created"), ("WouldCreate", "to create"), ("Adopted", "adopted"), ("WouldAdopt", "to adopt"),
        ("Updated", "updated"), ("WouldUpdate", "to update"), ("Deleted", "deleted"), ("WouldDelete", "to delete"),
        ("Released", "released"), ("WouldRelease", "to release"), ("Unchanged", "unchanged"), ("Conflict", "in conflict"),
        ("Failed", "failed"), ("Skipped", "skipped"), ("Pending", "pending"),
    ];

    public override string ToString() => $"{Profile} on {Cluster}: {Status}";
}
