namespace Sveltos;

/// <summary>What a sync did (or, planned, would do) to one object of one cluster.</summary>
public sealed class SyncResult
{
    internal SyncResult(string cluster, string profile, string apiVersion, string kind, string @namespace, string name, string action, string message, string? diff, bool local)
    {
        DeploymentType = local ? "Local" : "Remote";
        Cluster = cluster;
        Profile = profile;
        ApiVersion = apiVersion;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Action = action;
        Message = message;
        Diff = diff;
    }

    /// <summary>The cluster, as namespace/name.</summary>
    public string Cluster { get; }

    /// <summary>ClusterProfile/name or Profile/namespace/name.</summary>
    public string Profile { get; }

    /// <summary>Remote (in the cluster) or Local (in the management cluster, on the cluster's behalf).</summary>
    public string DeploymentType { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>Created, Updated, Unchanged, Deleted, Adopted, Released, Conflict, Failed, Skipped, Pending, or a planned WouldCreate, WouldUpdate, WouldDelete, WouldAdopt, WouldRelease.</summary>
    public string Action { get; }

    public string Message { get; }

    /// <summary>A unified diff of the object (planned results only).</summary>
    public string? Diff { get; }

    public override string ToString() => $"{Action} {Kind} {Namespace}/{Name} on {Cluster}";
}
