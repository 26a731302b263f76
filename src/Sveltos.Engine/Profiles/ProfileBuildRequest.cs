namespace Sveltos.Engine.Profiles;

/// <summary>
/// What <c>New-ClusterProfile</c> asks for. Unset properties are left out of the profile (the API defaults apply).
/// Item dictionaries (e.g. PowerShell hashtables) use the API's field names in any letter case; enum values
/// (syncMode, kind, deploymentType, ...) are also accepted in any case.
/// </summary>
public sealed class ProfileBuildRequest
{
    /// <summary>metadata.name.</summary>
    public required string Name { get; set; }

    /// <summary>ClusterProfile (default) or Profile, in any letter case.</summary>
    public string Kind { get; set; } = nameof(ProfileKind.ClusterProfile);

    /// <summary>metadata.namespace: required for a Profile, not allowed for a ClusterProfile.</summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// spec.clusterSelector as a selector string (<c>env=prod,tier in (a,b)</c>), a <see cref="Selection.LabelSelector"/>,
    /// or a dictionary: label → value, or a mapping with matchLabels/matchExpressions.
    /// </summary>
    public object? ClusterSelector { get; set; }

    /// <summary>spec.clusterRefs: dictionaries, or strings <c>namespace/name</c> (a SveltosCluster) or <c>Cluster:namespace/name</c>.</summary>
    public IEnumerable<object>? ClusterRefs { get; set; }

    /// <summary>spec.setRefs.</summary>
    public IEnumerable<string>? SetRefs { get; set; }

    /// <summary>spec.policyRefs, one dictionary each.</summary>
    public IEnumerable<object>? PolicyRefs { get; set; }

    /// <summary>spec.helmCharts, one dictionary each; <c>values</c> may be YAML text or a dictionary.</summary>
    public IEnumerable<object>? HelmCharts { get; set; }

    /// <summary>spec.kustomizationRefs, one dictionary each.</summary>
    public IEnumerable<object>? KustomizationRefs { get; set; }

    /// <summary>spec.templateResourceRefs, one dictionary each (with a nested <c>resource</c> dictionary).</summary>
    public IEnumerable<object>? TemplateResourceRefs { get; set; }

    /// <summary>spec.syncMode: OneTime, Continuous, ContinuousWithDriftDetection or DryRun, in any letter case.</summary>
    public string? SyncMode { get; set; }

    /// <summary>spec.tier (at least 1).</summary>
    public int? Tier { get; set; }

    /// <summary>spec.continueOnConflict.</summary>
    public bool? ContinueOnConflict { get; set; }

    /// <summary>spec.continueOnError.</summary>
    public bool? ContinueOnError { get; set; }

    /// <summary>spec.reloader.</summary>
    public bool? Reloader { get; set; }

    /// <summary>spec.stopMatchingBehavior: WithdrawPolicies or LeavePolicies, in any letter case.</summary>
    public string? StopMatchingBehavior { get; set; }

    /// <summary>spec.dependsOn: names of profiles of the same kind.</summary>
    public IEnumerable<string>? DependsOn { get; set; }

    /// <summary>spec.maxUpdate: a count (int) or a percentage string such as <c>30%</c>.</summary>
    public object? MaxUpdate { get; set; }

    /// <summary>spec.maxConsecutiveFailures.</summary>
    public uint? MaxConsecutiveFailures { get; set; }

    /// <summary>metadata.labels.</summary>
    public IDictionary<string, object?>? Labels { get; set; }

    /// <summary>metadata.annotations.</summary>
    public IDictionary<string, object?>? Annotations { get; set; }

    /// <summary>spec.extraLabels.</summary>
    public IDictionary<string, object?>? ExtraLabels { get; set; }

    /// <summary>spec.extraAnnotations.</summary>
    public IDictionary<string, object?>? ExtraAnnotations { get; set; }
}
