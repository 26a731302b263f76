namespace Sveltos;

/// <summary>
/// A Sveltos ClusterProfile or Profile as the profile cmdlets show it. The whole document is kept as YAML
/// text (exactly what export writes); the properties are read-only summaries of it.
/// </summary>
public sealed class ClusterProfile
{
    private readonly ClusterProfileData data;

    internal ClusterProfile(ClusterProfileData data)
    {
        this.data = data;
        Labels = new SortedDictionary<string, string>(data.Labels.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
    }

    /// <summary>ClusterProfile or Profile.</summary>
    public string Kind => data.Kind;

    public string Name => data.Name;

    /// <summary>Set for a Profile; null for a ClusterProfile.</summary>
    public string? Namespace => data.Namespace;

    /// <summary><c>ClusterProfile/web</c> or <c>Profile/team-a/web</c>: what two profiles must not share.</summary>
    public string Identity => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    /// <summary>metadata.labels.</summary>
    public SortedDictionary<string, string> Labels { get; }

    /// <summary>spec.clusterSelector in Kubernetes selector syntax (<c>env=prod,zone in (a,b)</c>); null when unset.</summary>
    public string? ClusterSelector => data.ClusterSelector;

    /// <summary>spec.clusterRefs as <c>Kind:namespace/name</c>.</summary>
    public string[] ClusterRefs => data.ClusterRefs;

    /// <summary>spec.setRefs.</summary>
    public string[] SetRefs => data.SetRefs;

    /// <summary>spec.syncMode (Continuous when unset, as in Sveltos).</summary>
    public string SyncMode => data.SyncMode;

    /// <summary>spec.tier (100 when unset; lower wins conflicts).</summary>
    public int Tier => data.Tier;

    public bool ContinueOnConflict => data.ContinueOnConflict;

    public bool ContinueOnError => data.ContinueOnError;

    /// <summary>spec.stopMatchingBehavior (WithdrawPolicies when unset).</summary>
    public string StopMatchingBehavior => data.StopMatchingBehavior;

    /// <summary>spec.maxUpdate (a count or a percentage); null when unset.</summary>
    public string? MaxUpdate => data.MaxUpdate;

    /// <summary>spec.dependsOn: profiles whose add-ons are deployed first.</summary>
    public string[] DependsOn => data.DependsOn;

    /// <summary>spec.policyRefs as <c>Kind namespace/name</c>.</summary>
    public string[] PolicyRefs => data.PolicyRefs;

    /// <summary>spec.helmCharts as <c>chart@version -> namespace/release</c>.</summary>
    public string[] HelmCharts => data.HelmCharts;

    /// <summary>spec.kustomizationRefs as <c>Kind namespace/name:path</c>.</summary>
    public string[] KustomizationRefs => data.KustomizationRefs;

    /// <summary>spec.templateResourceRefs as <c>identifier=Kind namespace/name</c>.</summary>
    public string[] TemplateResourceRefs => data.TemplateResourceRefs;

    /// <summary>Where the profile was read: <c>file[index]</c> (0-based document index) or the fleet's object; null for a new profile.</summary>
    public string? Source => data.Source;

    /// <summary>The full path of the file it was read from, when it was read from a file.</summary>
    public string? Path => data.Path;

    /// <summary>The fleet it was read from, when Get-ClusterProfile returned it.</summary>
    public string? Fleet => data.Fleet;

    internal string Yaml => data.Yaml;

    internal string DocumentSource => data.DocumentSource;

    internal int? DocumentIndex => data.DocumentIndex;

    internal int? Line => data.Line;

    /// <summary>The document as YAML: exactly what Export-ClusterProfile writes for it.</summary>
    public string ToYaml() => Yaml;

    public override string ToString() => Identity;
}

/// <summary>Everything a <see cref="ClusterProfile"/> is made of, gathered by the profile mapper.</summary>
internal sealed record ClusterProfileData(
    string Yaml,
    string DocumentSource,
    int? DocumentIndex,
    int? Line,
    string Kind,
    string Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    string? ClusterSelector,
    string[] ClusterRefs,
    string[] SetRefs,
    string SyncMode,
    int Tier,
    bool ContinueOnConflict,
    bool ContinueOnError,
    string StopMatchingBehavior,
    string? MaxUpdate,
    string[] DependsOn,
    string[] PolicyRefs,
    string[] HelmCharts,
    string[] KustomizationRefs,
    string[] TemplateResourceRefs,
    string? Source,
    string? Path,
    string? Fleet);
