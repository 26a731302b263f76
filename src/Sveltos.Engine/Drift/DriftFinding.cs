using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;

namespace Sveltos.Engine.Drift;

public enum DriftChange
{
    /// <summary>The live object's drift hash differs from the one its last apply left.</summary>
    Modified,

    /// <summary>The object is gone.</summary>
    Deleted,
}

/// <summary>One drifted object: where, whose, how, and the live object (null when deleted).</summary>
public sealed record DriftFinding(string Cluster, ProfileRef Profile, ObjectKey Key, DriftChange Change, JsonObject? Live)
{
    public DateTimeOffset DetectedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The diff a remediation would apply (live against desired), when it was computed.</summary>
    public string? Diff { get; init; }
}

/// <summary>A tracked object whose drift cannot be checked, and why (no drift hash recorded yet).</summary>
public sealed record UncheckedObject(string Cluster, ProfileRef Profile, ObjectKey Key, string Reason);
