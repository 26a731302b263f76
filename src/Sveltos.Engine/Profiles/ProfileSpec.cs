using System.Globalization;
using Sveltos.Engine.Selection;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// Typed access to a profile's spec. Getters return the API defaults for unset fields; setters write the value into
/// the document (keeping the position of an existing key) and reject values the API would reject.
/// </summary>
public sealed class ProfileSpec
{
    private readonly YamlMapping _root;

    internal ProfileSpec(YamlMapping root)
    {
        _root = root;
    }

    private YamlMapping? Spec => _root.Get("spec") as YamlMapping;

    /// <summary>
    /// spec.clusterSelector, or null when unset or empty. Sveltos matches no cluster through an empty selector:
    /// such a profile only reaches the clusters named in <see cref="ClusterRefs"/> and <see cref="SetRefs"/>.
    /// </summary>
    public LabelSelector? ClusterSelector
    {
        get
        {
            var node = Spec?.Get("clusterSelector");
            var selector = node is null ? null : LabelSelectorMapping.Read(node, []);
            return selector is { IsEverything: false } ? selector : null;
        }

        set => SetOrRemove("clusterSelector", value is null || value.IsEverything ? null : LabelSelectorMapping.ToMapping(value));
    }

    /// <summary>spec.clusterRefs: clusters selected by name.</summary>
    public IReadOnlyList<ClusterReference> ClusterRefs => TreeReader.List(Spec, "clusterRefs", ClusterReference.Read);

    /// <summary>spec.setRefs: names of ClusterSets (ClusterProfile) or Sets (Profile).</summary>
    public IReadOnlyList<string> SetRefs
    {
        get => TreeReader.Strings(Spec, "setRefs");
        set => SetOrRemove("setRefs", NameList(value, nameof(SetRefs)));
    }

    /// <summary>spec.syncMode (default Continuous).</summary>
    public SyncMode SyncMode
    {
        get => TreeReader.Enum(Spec, "syncMode", SyncMode.Continuous);
        set => Set("syncMode", YamlScalar.String(Defined(value).ToString()));
    }

    /// <summary>spec.tier (default 100; lower wins conflicts; at least 1).</summary>
    public int Tier
    {
        get => (int)(TreeReader.Integer(Spec, "tier") ?? 100);
        set => Set("tier", YamlScalar.Integer(value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "tier must be at least 1")));
    }

    /// <summary>spec.continueOnConflict: keep deploying after a conflict with another profile.</summary>
    public bool ContinueOnConflict
    {
        get => TreeReader.Boolean(Spec, "continueOnConflict");
        set => Set("continueOnConflict", YamlScalar.Boolean(value));
    }

    /// <summary>spec.continueOnError: keep deploying after an error.</summary>
    public bool ContinueOnError
    {
        get => TreeReader.Boolean(Spec, "continueOnError");
        set => Set("continueOnError", YamlScalar.Boolean(value));
    }

    /// <summary>spec.maxUpdate, or null when unset (all matching clusters at once).</summary>
    public MaxUpdate? MaxUpdate
    {
        get => Spec?.Get("maxUpdate") switch
        {
            YamlScalar { Value: long count } => Profiles.MaxUpdate.Count((int)count),
            YamlScalar { Value: string text } when Profiles.MaxUpdate.TryParse(text, out var parsed) => parsed,
            _ => null,
        };
        set => SetOrRemove("maxUpdate", value switch
        {
            null => null,
            { IsPercentage: true } percent => YamlScalar.String(percent.ToString()),
            { } count => YamlScalar.Integer(count.Value),
        });
    }

    /// <summary>spec.stopMatchingBehavior (default WithdrawPolicies).</summary>
    public StopMatchingBehavior StopMatchingBehavior
    {
        get => TreeReader.Enum(Spec, "stopMatchingBehavior", StopMatchingBehavior.WithdrawPolicies);
        set => Set("stopMatchingBehavior", YamlScalar.String(Defined(value).ToString()));
    }

    /// <summary>spec.reloader: restart workloads when a mounted ConfigMap/Secret deployed by this profile changes.</summary>
    public bool Reloader
    {
        get => TreeReader.Boolean(Spec, "reloader");
        set => Set("reloader", YamlScalar.Boolean(value));
    }

    /// <summary>spec.dependsOn: profiles (of the same kind) whose add-ons must be deployed first.</summary>
    public IReadOnlyList<string> DependsOn
    {
        get => TreeReader.Strings(Spec, "dependsOn");
        set => SetOrRemove("dependsOn", NameList(value, nameof(DependsOn)));
    }

    /// <summary>spec.maxConsecutiveFailures, or null (retry forever).</summary>
    public uint? MaxConsecutiveFailures
    {
        get => TreeReader.Integer(Spec, "maxConsecutiveFailures") is { } value ? (uint)value : null;
        set => SetOrRemove("maxConsecutiveFailures", value is null ? null : YamlScalar.Integer(value.Value));
    }

    /// <summary>spec.templateResourceRefs: management-cluster resources exposed to templates.</summary>
    public IReadOnlyList<TemplateResourceReference> TemplateResourceRefs => TreeReader.List(Spec, "templateResourceRefs", TemplateResourceReference.Read);

    /// <summary>spec.policyRefs: ConfigMaps, Secrets and Flux sources with resources to deploy.</summary>
    public IReadOnlyList<PolicyReference> PolicyRefs => TreeReader.List(Spec, "policyRefs", PolicyReference.Read);

    /// <summary>spec.helmCharts, in deployment order.</summary>
    public IReadOnlyList<HelmChart> HelmCharts => TreeReader.List(Spec, "helmCharts", HelmChart.Read);

    /// <summary>spec.kustomizationRefs.</summary>
    public IReadOnlyList<KustomizationReference> KustomizationRefs => TreeReader.List(Spec, "kustomizationRefs", KustomizationReference.Read);

    /// <summary>spec.validateHealths: checks run after deployment.</summary>
    public IReadOnlyList<HealthCheck> ValidateHealths => TreeReader.List(Spec, "validateHealths", HealthCheck.Read);

    /// <summary>spec.preDeployChecks: checks that must pass before deployment.</summary>
    public IReadOnlyList<HealthCheck> PreDeployChecks => TreeReader.List(Spec, "preDeployChecks", HealthCheck.Read);

    /// <summary>spec.preDeleteChecks: checks that must pass before withdrawal.</summary>
    public IReadOnlyList<HealthCheck> PreDeleteChecks => TreeReader.List(Spec, "preDeleteChecks", HealthCheck.Read);

    /// <summary>spec.postDeleteChecks: checks run after withdrawal.</summary>
    public IReadOnlyList<HealthCheck> PostDeleteChecks => TreeReader.List(Spec, "postDeleteChecks", HealthCheck.Read);

    /// <summary>spec.patches: patches applied to every deployed resource.</summary>
    public IReadOnlyList<ProfilePatch> Patches => TreeReader.List(Spec, "patches", ProfilePatch.Read);

    /// <summary>spec.patchesFrom: ConfigMaps/Secrets holding more patches.</summary>
    public IReadOnlyList<ValuesFromReference> PatchesFrom => TreeReader.List(Spec, "patchesFrom", ValuesFromReference.Read);

    /// <summary>spec.driftExclusions: fields ignored by drift detection.</summary>
    public IReadOnlyList<DriftExclusion> DriftExclusions => TreeReader.List(Spec, "driftExclusions", DriftExclusion.Read);

    /// <summary>spec.extraLabels: labels added to every deployed resource.</summary>
    public IReadOnlyDictionary<string, string> ExtraLabels => TreeReader.StringMap(Spec, "extraLabels");

    /// <summary>spec.extraAnnotations: annotations added to every deployed resource.</summary>
    public IReadOnlyDictionary<string, string> ExtraAnnotations => TreeReader.StringMap(Spec, "extraAnnotations");

    private static T Defined<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), $"'{value}' is not a valid {typeof(T).Name}");

    private static YamlSequence? NameList(IEnumerable<string>? names, string property)
    {
        var list = names?.ToList() ?? [];
        foreach (var name in list)
        {
            if (LabelSyntax.CheckDnsSubdomain(name) is { } problem)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{property}: '{name}' {problem}"), nameof(names));
            }
        }

        return list.Count == 0 ? null : new YamlSequence(list.Select(YamlScalar.String));
    }

    private void Set(string key, YamlNode value)
    {
        if (Spec is not { } spec)
        {
            spec = new YamlMapping();
            _root.Set("spec", spec);
        }

        spec.Set(key, value);
    }

    private void SetOrRemove(string key, YamlNode? value)
    {
        if (value is not null)
        {
            Set(key, value);
        }
        else
        {
            Spec?.Remove(key);
        }
    }
}
