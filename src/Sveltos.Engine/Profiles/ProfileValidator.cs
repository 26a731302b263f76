using Sveltos.Engine.Profiles.Schema;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>Validates a ClusterProfile/Profile tree: the schema, plus the rules that span several fields.</summary>
internal static class ProfileValidator
{
    /// <summary>Every problem, in document order; with <paramref name="positionsKnown"/> false (a copy of the source) none carries a position.</summary>
    public static IReadOnlyList<FieldProblem> Validate(YamlMapping root, ProfileKind kind, bool positionsKnown = true)
    {
        var validator = new SchemaValidator { PositionsKnown = positionsKnown };
        validator.ValidateObject(root, ProfileSchema.Root, "");
        var problems = validator.Problems;

        if (root.Get("apiVersion") is YamlScalar { Value: string apiVersion } version && apiVersion != ProfileSchema.ApiVersion)
        {
            problems.Add(new(
                ProfileErrorIds.UnsupportedApiVersion,
                "apiVersion",
                $"'{apiVersion}' is not supported; {kind} must use {ProfileSchema.ApiVersion}",
                version));
        }

        var metadata = root.Get("metadata") as YamlMapping;
        var name = TreeReader.String(metadata, "name");
        var profileNamespace = TreeReader.String(metadata, "namespace");
        CheckNamespace(kind, metadata, profileNamespace, problems);
        if (root.Get("spec") is YamlMapping spec)
        {
            CheckUniqueIdentifiers(spec, problems);
            CheckChartsFromRepositories(spec, problems);
            CheckSourceOrRemoteUrl(spec, "policyRefs", problems);
            CheckSourceOrRemoteUrl(spec, "kustomizationRefs", problems);
            CheckDependsOn(spec, name, problems);
            if (kind == ProfileKind.Profile && !string.IsNullOrEmpty(profileNamespace))
            {
                CheckClusterRefsInNamespace(spec, profileNamespace, problems);
            }
        }

        var ordered = problems.OrderBy(p => p.At?.Line ?? int.MaxValue).ThenBy(p => p.At?.Column ?? 0);
        return (positionsKnown ? ordered : ordered.Select(p => p with { At = null })).ToList();
    }

    private static void CheckNamespace(ProfileKind kind, YamlMapping? metadata, string? profileNamespace, List<FieldProblem> problems)
    {
        if (metadata is null)
        {
            return;
        }

        if (kind == ProfileKind.Profile && string.IsNullOrEmpty(profileNamespace))
        {
            problems.Add(new(ProfileErrorIds.MissingProfileField, "metadata.namespace", "a Profile is namespaced and needs a namespace", metadata));
        }
        else if (kind == ProfileKind.ClusterProfile && !string.IsNullOrEmpty(profileNamespace))
        {
            problems.Add(new(
                ProfileErrorIds.InvalidProfileField,
                "metadata.namespace",
                "a ClusterProfile is cluster-scoped and cannot have a namespace (use kind Profile for a namespaced profile)",
                metadata.Get("namespace")));
        }
    }

    // templateResourceRefs is a map-list keyed by identifier: the API server rejects duplicates.
    private static void CheckUniqueIdentifiers(YamlMapping spec, List<FieldProblem> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var reference in TreeReader.Mappings(spec, "templateResourceRefs"))
        {
            if (TreeReader.String(reference, "identifier") is { Length: > 0 } identifier && !seen.TryAdd(identifier, index))
            {
                problems.Add(new(
                    ProfileErrorIds.InvalidProfileField,
                    $"spec.templateResourceRefs[{index}].identifier",
                    $"'{identifier}' is already used by spec.templateResourceRefs[{seen[identifier]}]",
                    reference.Get("identifier")));
            }

            index++;
        }
    }

    // As the CRD's validation rules say: a chart from an HTTP or OCI repository is named and versioned; one from a Flux source is not.
    private static void CheckChartsFromRepositories(YamlMapping spec, List<FieldProblem> problems)
    {
        var index = 0;
        foreach (var chart in TreeReader.Mappings(spec, "helmCharts"))
        {
            if (TreeReader.String(chart, "repositoryURL") is { } url && (url.StartsWith("http", StringComparison.Ordinal) || url.StartsWith("oci", StringComparison.Ordinal)))
            {
                foreach (var field in new[] { "repositoryName", "chartName", "chartVersion" })
                {
                    if (chart.Get(field) is null or YamlScalar { IsNull: true } or YamlScalar { Value: "" })
                    {
                        problems.Add(new(ProfileErrorIds.MissingProfileField, $"spec.helmCharts[{index}].{field}", "required for a chart from an HTTP or OCI repository", chart));
                    }
                }
            }

            index++;
        }
    }

    // As the CRD's rules say: a reference names a source (kind and name) unless it gives a remoteURL, and not both.
    private static void CheckSourceOrRemoteUrl(YamlMapping spec, string field, List<FieldProblem> problems)
    {
        var index = 0;
        foreach (var reference in TreeReader.Mappings(spec, field))
        {
            var remote = reference.Get("remoteURL") is YamlMapping;
            foreach (var key in new[] { "kind", "name" })
            {
                var set = reference.Get(key) is YamlScalar { IsNull: false };
                if (!remote && !set)
                {
                    problems.Add(new(ProfileErrorIds.MissingProfileField, $"spec.{field}[{index}].{key}", "required unless remoteURL is given", reference));
                }
                else if (remote && set)
                {
                    problems.Add(new(ProfileErrorIds.InvalidProfileField, $"spec.{field}[{index}].{key}", "give either a source (kind and name) or remoteURL, not both", reference.Get(key)));
                }
            }

            index++;
        }
    }

    private static void CheckDependsOn(YamlMapping spec, string? name, List<FieldProblem> problems)
    {
        if (spec.Get("dependsOn") is not YamlSequence list || name is null)
        {
            return;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is YamlScalar { Value: string dependency } && dependency == name)
            {
                problems.Add(new(ProfileErrorIds.InvalidProfileField, $"spec.dependsOn[{i}]", "a profile cannot depend on itself", list.Items[i]));
            }
        }
    }

    private static void CheckClusterRefsInNamespace(YamlMapping spec, string profileNamespace, List<FieldProblem> problems)
    {
        var index = 0;
        foreach (var reference in TreeReader.Mappings(spec, "clusterRefs"))
        {
            if (TreeReader.String(reference, "namespace") is { Length: > 0 } clusterNamespace && clusterNamespace != profileNamespace)
            {
                problems.Add(new(
                    ProfileErrorIds.InvalidProfileField,
                    $"spec.clusterRefs[{index}].namespace",
                    $"a Profile can only select clusters in its own namespace '{profileNamespace}', not '{clusterNamespace}'",
                    reference.Get("namespace")));
            }

            index++;
        }
    }
}
