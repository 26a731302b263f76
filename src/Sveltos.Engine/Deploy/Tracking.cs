using System.Globalization;
using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// The labels and annotations Sveltos puts on every object it deploys, so that this module and the
/// Sveltos controllers agree on who owns what.
/// </summary>
public static class Tracking
{
    public const string ReasonLabel = "projectsveltos.io/reason";
    public const string OwnerKind = "projectsveltos.io/owner-kind";
    public const string OwnerName = "projectsveltos.io/owner-name";
    public const string OwnerTier = "projectsveltos.io/owner-tier";
    public const string ReferenceKind = "projectsveltos.io/reference-kind";
    public const string ReferenceName = "projectsveltos.io/reference-name";
    public const string ReferenceNamespace = "projectsveltos.io/reference-namespace";
    public const string ReferenceTier = "projectsveltos.io/reference-tier";
    public const string Hash = "projectsveltos.io/hash";

    /// <summary>The reason label's value for content from policyRefs.</summary>
    public const string ResourcesReason = "Resources";

    /// <summary>The reason label's value for content built from kustomizationRefs, as Sveltos sets it.</summary>
    public const string KustomizeReason = "Kustomize";

    public const int DefaultTier = 100;

    public static readonly IReadOnlyList<string> Annotations =
        [OwnerKind, OwnerName, OwnerTier, ReferenceKind, ReferenceName, ReferenceNamespace, ReferenceTier, Hash];

    /// <summary>Adds the tracking metadata to a rendered object (in place).</summary>
    public static void Stamp(JsonObject obj, ProfileRef profile, int tier, SourceRef source, string reason, string hash)
    {
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        metadata["labels"] = labels;
        labels[ReasonLabel] = reason;

        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        metadata["annotations"] = annotations;
        var tierText = tier.ToString(CultureInfo.InvariantCulture);
        annotations[OwnerKind] = profile.Kind;
        annotations[OwnerName] = profile.Name;
        annotations[OwnerTier] = tierText;
        annotations[ReferenceKind] = source.Kind;
        annotations[ReferenceName] = source.Name;
        annotations[ReferenceNamespace] = source.Namespace;
        annotations[ReferenceTier] = tierText;
        annotations[Hash] = hash;
    }

    /// <summary>Who deployed a live object, from its annotations; null when no Sveltos profile did.</summary>
    public static LiveOwner? OwnerOf(JsonObject live)
    {
        var annotations = KubeObject.Annotations(live);
        if (!annotations.TryGetValue(OwnerName, out var name) || name.Length == 0)
        {
            return null;
        }

        annotations.TryGetValue(OwnerKind, out var kind);
        var tier = annotations.TryGetValue(OwnerTier, out var tierText) && int.TryParse(tierText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : DefaultTier;
        annotations.TryGetValue(Hash, out var hash);
        return new LiveOwner(kind ?? "", name, tier, hash ?? "");
    }
}

/// <summary>The profile a live object's annotations name as its owner.</summary>
public sealed record LiveOwner(string Kind, string Name, int Tier, string Hash)
{
    public bool Is(ProfileRef profile) => Kind == profile.Kind && Name == profile.Name;

    public override string ToString() => $"{Kind} {Name} (tier {Tier})";
}

/// <summary>The ConfigMap or Secret (and key) that a deployed object came from.</summary>
public sealed record SourceRef(string Kind, string Namespace, string Name, string? Key = null)
{
    public override string ToString() => Key is null ? $"{Kind} {Namespace}/{Name}" : $"{Kind} {Namespace}/{Name}[{Key}]";
}
