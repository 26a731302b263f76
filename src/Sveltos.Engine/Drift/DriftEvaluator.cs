using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;

namespace Sveltos.Engine.Drift;

public enum DriftVerdict
{
    InSync,
    Modified,
    Deleted,

    /// <summary>The live object carries the driftDetectionIgnore annotation.</summary>
    Ignored,

    /// <summary>Another profile owns the object now (a lower tier took it over): not this profile's drift.</summary>
    NotOwned,

    /// <summary>No drift hash of this version was recorded for the object (an earlier version, or an interrupted apply).</summary>
    Unknown,
}

/// <summary>Compares one tracked object, as live, with what its record says the last apply left.</summary>
public static class DriftEvaluator
{
    /// <param name="seal">The cluster's record seal, for the hashes of Secrets (sealed in records).</param>
    public static DriftVerdict Evaluate(DeploymentRecord record, RecordedObject recorded, JsonObject? live, RecordSeal seal)
    {
        if (live is null)
        {
            return recorded.Hash.Length == 0 ? DriftVerdict.Unknown : DriftVerdict.Deleted;
        }

        if (DriftHasher.IsIgnored(live))
        {
            return DriftVerdict.Ignored;
        }

        if (Tracking.OwnerOf(live) is { } owner && !owner.Is(record.Profile))
        {
            return DriftVerdict.NotOwned;
        }

        if (!DriftHasher.IsCurrent(recorded.DriftHash))
        {
            return DriftVerdict.Unknown;
        }

        return seal.Matches(recorded.DriftHash, DriftHasher.Hash(live, record.DriftExclusions)) switch
        {
            true => DriftVerdict.InSync,
            false => DriftVerdict.Modified,
            null => DriftVerdict.Unknown,
        };
    }

    /// <summary>
    /// Records whose objects drift detection looks at: deployed to the cluster itself, by a selected profile, of the
    /// given fleet (null: any), or from before fleets had identities.
    /// </summary>
    public static bool Watched(DeploymentRecord record, Func<ProfileRef, bool> profiles, string? fleet = null) =>
        !record.Local && profiles(record.Profile) && (fleet is null || string.IsNullOrEmpty(record.Fleet) || record.Fleet == fleet);
}
