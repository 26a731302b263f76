namespace Sveltos;

/// <summary>A drifted object (Test-Drift, Watch-Drift), or what remediating it did (Watch-Drift -Remediate).</summary>
public sealed class DriftResult
{
    internal DriftResult(string cluster, string profile, string apiVersion, string kind, string @namespace, string name, string change, string status, string? action, string message, string? diff, DateTimeOffset time)
    {
        Cluster = cluster;
        Profile = profile;
        ApiVersion = apiVersion;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Change = change;
        Status = status;
        Action = action;
        Message = message;
        Diff = diff;
        Time = time;
    }

    /// <summary>The cluster, as namespace/name.</summary>
    public string Cluster { get; }

    /// <summary>ClusterProfile/name or Profile/namespace/name: the profile that deployed the object.</summary>
    public string Profile { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>Modified or Deleted.</summary>
    public string Change { get; }

    /// <summary>Drifted (detected), Remediated, Conflict, Failed, Skipped (not re-applied) or Flapping (left alone for a while).</summary>
    public string Status { get; }

    /// <summary>What the remediation did to the object (Created, Updated, Conflict, Failed, Skipped); null for a detection.</summary>
    public string? Action { get; }

    public string Message { get; }

    /// <summary>Live against desired as a unified diff: what remediation reverts (Test-Drift).</summary>
    public string? Diff { get; }

    /// <summary>When the drift was seen, or the remediation finished.</summary>
    public DateTimeOffset Time { get; }

    public override string ToString() => $"{Status} {Change} {Kind} {Namespace}/{Name} on {Cluster}";
}
