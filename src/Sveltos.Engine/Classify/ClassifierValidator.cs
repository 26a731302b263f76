using Sveltos.Engine.Profiles;
using Sveltos.Engine.Profiles.Schema;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Classify;

/// <summary>Validates a Classifier tree: the schema (shared with profiles), then versions, comparisons, label keys and scripts.</summary>
internal static class ClassifierValidator
{
    /// <summary>Every problem, in document order; with <paramref name="positionsKnown"/> false (a copy of the source) none carries a position.</summary>
    public static IReadOnlyList<FieldProblem> Validate(YamlMapping root, bool positionsKnown = true)
    {
        var validator = new SchemaValidator { PositionsKnown = positionsKnown };
        validator.ValidateObject(root, ClassifierSchema.Root, "");
        var problems = validator.Problems.Select(p => p with { ErrorId = ClassifierId(p.ErrorId) }).ToList();

        if (root.Get("apiVersion") is YamlScalar { Value: string apiVersion } version && apiVersion != ClassifierSchema.ApiVersion)
        {
            problems.Add(new(ProfileErrorIds.UnsupportedApiVersion, "apiVersion", $"'{apiVersion}' is not supported; Classifier must use {ClassifierSchema.ApiVersion}", version));
        }

        if ((root.Get("metadata") as YamlMapping)?.Get("namespace") is YamlScalar { Value: string { Length: > 0 } } ns)
        {
            problems.Add(new(ClassifierErrorIds.InvalidClassifierField, "metadata.namespace", "a Classifier is cluster-scoped and cannot have a namespace", ns));
        }

        if (root.Get("spec") is YamlMapping spec)
        {
            CheckConstraints(spec, problems);
            CheckUniqueKeys(spec, problems);
            CheckScripts(spec, problems);
        }

        var ordered = problems.OrderBy(p => p.At?.Line ?? int.MaxValue).ThenBy(p => p.At?.Column ?? 0);
        return (positionsKnown ? ordered : ordered.Select(p => p with { At = null })).ToList();
    }

    internal static string ClassifierId(string profileId) => profileId switch
    {
        ProfileErrorIds.MissingProfileField => ClassifierErrorIds.MissingClassifierField,
        ProfileErrorIds.InvalidProfileField => ClassifierErrorIds.InvalidClassifierField,
        ProfileErrorIds.UnknownProfileField => ClassifierErrorIds.UnknownClassifierField,
        _ => profileId,
    };

    private static void CheckConstraints(YamlMapping spec, List<FieldProblem> problems)
    {
        if (spec.Get("kubernetesVersionConstraints") is not YamlSequence list)
        {
            return;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is not YamlMapping constraint)
            {
                continue;
            }

            var path = $"spec.kubernetesVersionConstraints[{i}]";
            if (constraint.Get("version") is YamlScalar { Value: string text } versionNode && !KubernetesVersion.TryParse(text, out _, out var problem))
            {
                problems.Add(new(ClassifierErrorIds.InvalidKubernetesVersion, $"{path}.version", problem, versionNode));
            }

            if (constraint.Get("comparison") is YamlScalar { Value: string comparison } comparisonNode && !IsComparison(comparison))
            {
                problems.Add(new(
                    ClassifierErrorIds.UnknownVersionComparison,
                    $"{path}.comparison",
                    $"'{comparison}' is not one of {string.Join(", ", Enum.GetNames<VersionComparison>())}",
                    comparisonNode));
            }
        }
    }

    internal static bool IsComparison(string text) =>
        Enum.GetNames<VersionComparison>().Contains(text, StringComparer.Ordinal);

    // Two values for one key in one classifier cannot both be set.
    private static void CheckUniqueKeys(YamlMapping spec, List<FieldProblem> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var label in spec.Get("classifierLabels") is YamlSequence list ? list.Items : [])
        {
            if (label is YamlMapping mapping && mapping.Get("key") is YamlScalar { Value: string key } keyNode && !seen.TryAdd(key, index))
            {
                problems.Add(new(ClassifierErrorIds.InvalidClassifierField, $"spec.classifierLabels[{index}].key", $"'{key}' is already set by spec.classifierLabels[{seen[key]}]", keyNode));
            }

            index++;
        }

        if (spec.Get("classifierLabels") is YamlSequence { Items.Count: 0 } empty)
        {
            problems.Add(new(ClassifierErrorIds.MissingClassifierField, "spec.classifierLabels", "a classifier needs at least one label to set", empty));
        }
    }

    private static void CheckScripts(YamlMapping spec, List<FieldProblem> problems)
    {
        if (spec.Get("deployedResourceConstraint") is not YamlMapping constraint)
        {
            return;
        }

        var scripts = new List<(string Path, YamlScalar Node)>();
        if (constraint.Get("resourceSelectors") is YamlSequence selectors)
        {
            for (var i = 0; i < selectors.Items.Count; i++)
            {
                if (selectors.Items[i] is YamlMapping selector && selector.Get("evaluate") is YamlScalar { Value: string { Length: > 0 } } evaluate)
                {
                    scripts.Add((ClassifierScripts.SelectorField(i), evaluate));
                }
            }
        }

        if (constraint.Get("aggregatedClassification") is YamlScalar { Value: string { Length: > 0 } } aggregated)
        {
            scripts.Add((ClassifierScripts.AggregatedField, aggregated));
        }

        foreach (var (path, node) in scripts)
        {
            if (ClassifierScripts.Check((string)node.Value!, path) is { } problem)
            {
                problems.Add(new(ClassifierErrorIds.InvalidLuaScript, path, problem, node));
            }
        }
    }
}
