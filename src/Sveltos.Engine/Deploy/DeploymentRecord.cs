using System.Text.Json.Serialization;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// What one profile deployed in one cluster, kept in that cluster so that any runner anywhere reads
/// the same truth: the objects and their hashes, the inputs' hash, when, and how it went.
/// </summary>
public sealed record DeploymentRecord
{
    public required ProfileRef Profile { get; init; }

    /// <summary>The cluster as the fleet names it (namespace/name).</summary>
    public required string Cluster { get; init; }

    /// <summary>
    /// The identity of the fleet that wrote the record (<see cref="Fleet.FleetIdentity.Name"/>): a sync acts only on
    /// its own fleet's records. Null in records written before fleets had identities.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Fleet { get; init; }

    /// <summary>How the writing fleet described itself (e.g. "fleet directory '/src/fleet'"), for messages about foreign records.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FleetDescription { get; init; }

    /// <summary>True for deploymentType Local content: kept in the management cluster on the cluster's behalf.</summary>
    public bool Local { get; init; }

    public int Tier { get; init; } = Tracking.DefaultTier;

    public string SyncMode { get; init; } = "Continuous";

    public string StopMatchingBehavior { get; init; } = "WithdrawPolicies";

    public DeploymentStatus Status { get; init; }

    public string Message { get; init; } = "";

    /// <summary>Hash over everything that determines the desired objects; equal means nothing to do.</summary>
    public string InputHash { get; init; } = "";

    public IReadOnlyList<SourceVersion> Sources { get; init; } = [];

    public IReadOnlyList<RecordedObject> Objects { get; init; } = [];

    /// <summary>The Helm releases of the profile's helmCharts on the cluster; absent when it has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DeployedRelease>? HelmReleases { get; init; }

    /// <summary>The profile's driftExclusions the drift hashes were taken with; absent in records written before drift detection.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Profiles.DriftExclusion>? DriftExclusions { get; init; }

    public DateTimeOffset Updated { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DeploymentStatus>))]
public enum DeploymentStatus
{
    /// <summary>Everything in <see cref="DeploymentRecord.Objects"/> is applied with the recorded hashes.</summary>
    Provisioned,

    /// <summary>A sync started and did not finish (it is running, or was interrupted: see the message); the objects listed may or may not exist.</summary>
    Applying,

    /// <summary>The last sync failed (an object failed, or the content could not be produced: see the message); the objects listed are the ones known to be deployed.</summary>
    Failed,
}

/// <summary>A Helm release the profile's helmCharts installed: where, which chart, which revision, its status.</summary>
public sealed record DeployedRelease(string Namespace, string Name, string Chart, string ChartVersion, string AppVersion, int Revision, string Status)
{
    /// <summary>How the release is installed and uninstalled (hooks, wait, atomic); absent when Helm's defaults.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Releases.HelmReleaseOptions? Options { get; init; }
}

/// <summary>A source (ConfigMap, Secret) at the version that was deployed.</summary>
public sealed record SourceVersion(string Kind, string Namespace, string Name, string ResourceVersion);

/// <summary>One deployed object. An empty hash means "may exist, content unknown" (an interrupted apply).</summary>
public sealed record RecordedObject(string ApiVersion, string Kind, string Namespace, string Name, string Hash)
{
    [JsonIgnore]
    public ObjectKey Key => new(ApiVersion, Kind, Namespace, Name);

    /// <summary>
    /// The drift hash of the object as the apply left it (see Drift.DriftHasher); null when unknown
    /// (written before drift detection existed, or not applied yet).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DriftHash { get; init; }

    public static RecordedObject Of(ObjectKey key, string hash, string? driftHash = null) => new(key.ApiVersion, key.Kind, key.Namespace, key.Name, hash) { DriftHash = driftHash };
}
