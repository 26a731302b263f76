using System.Text.Json.Nodes;

namespace Sveltos.Engine.Deploy;

/// <summary>One object a profile wants in a cluster, stamped with tracking metadata and hashed.</summary>
public sealed record DesiredObject(ObjectKey Key, JsonObject Object, SourceRef Source, string Hash)
{
    /// <summary>Namespaces and CRDs go first; custom resources wait until their CRD is served.</summary>
    public bool IsFoundation => Key is { Kind: "Namespace", Group: "" } or { Kind: "CustomResourceDefinition", Group: "apiextensions.k8s.io" };
}

/// <summary>Everything one profile wants in one cluster, and how to deploy it.</summary>
public sealed record DesiredState
{
    public required ProfileRef Profile { get; init; }

    public required string Cluster { get; init; }

    /// <summary>deploymentType Local: deployed to the management cluster.</summary>
    public bool Local { get; init; }

    public int Tier { get; init; } = Tracking.DefaultTier;

    public string SyncMode { get; init; } = "Continuous";

    public string StopMatchingBehavior { get; init; } = "WithdrawPolicies";

    public bool ContinueOnConflict { get; init; }

    public bool ContinueOnError { get; init; }

    public IReadOnlyList<DesiredObject> Objects { get; init; } = [];

    /// <summary>Namespaces the objects need that the content does not create itself.</summary>
    public IReadOnlyList<string> NamespacesToCreate { get; init; } = [];

    public IReadOnlyList<SourceVersion> Sources { get; init; } = [];

    /// <summary>The Helm releases the content installs, for the record.</summary>
    public IReadOnlyList<DeployedRelease> HelmReleases { get; init; } = [];

    /// <summary>The options of each helmCharts entry (Uninstall entries too): how the apply runs hooks, waits and rolls back.</summary>
    public IReadOnlyList<Releases.HelmReleaseEntry> HelmOptions { get; init; } = [];

    /// <summary>spec.driftExclusions: paths left out of the drift hash.</summary>
    public IReadOnlyList<Profiles.DriftExclusion> DriftExclusions { get; init; } = [];

    public bool IsDryRun => SyncMode == "DryRun";

    public bool IsOneTime => SyncMode == "OneTime";

    /// <summary>
    /// A hash of everything the objects were made from (the profile's spec, the content, the versions
    /// of the sources read): equal to the record's means nothing to do, without asking the cluster.
    /// </summary>
    public required string InputHash { get; init; }

    /// <summary>The inputs include Secret content (a Secret to deploy, or one read): the input hash is recorded sealed.</summary>
    public bool SealInputs { get; init; }
}
