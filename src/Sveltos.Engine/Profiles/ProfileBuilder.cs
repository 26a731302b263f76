using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Sveltos.Engine.Profiles.Schema;
using Sveltos.Engine.Selection;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// Builds a new ClusterProfile/Profile from a <see cref="ProfileBuildRequest"/> and validates it exactly like an
/// imported one. Problems are located as <c>ClusterProfile/web spec.tier: ...</c>.
/// </summary>
public static class ProfileBuilder
{
    /// <summary>Builds the profile.</summary>
    /// <exception cref="ProfileValidationException">The request is invalid; every problem is listed.</exception>
    public static ClusterProfileDocument Build(ProfileBuildRequest request) =>
        TryBuild(request, out var profile, out var problems) ? profile : throw new ProfileValidationException(problems);

    /// <summary>Builds the profile, or returns every problem that prevents it.</summary>
    public static bool TryBuild(ProfileBuildRequest request, [NotNullWhen(true)] out ClusterProfileDocument? profile, out IReadOnlyList<ProfileProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new List<FieldProblem>();
        var kind = ReadKind(request.Kind, found);
        var source = kind == ProfileKind.Profile ? $"Profile/{request.Namespace}/{request.Name}" : $"ClusterProfile/{request.Name}";
        var root = new YamlMapping();
        root.Set("apiVersion", YamlScalar.String(ProfileSchema.ApiVersion));
        root.Set("kind", YamlScalar.String(kind.ToString()));
        root.Set("metadata", BuildMetadata(request));
        var spec = BuildSpec(request, found);
        if (spec.Count > 0)
        {
            root.Set("spec", spec);
        }

        found.AddRange(ProfileValidator.Validate(root, kind));
        problems = found.Select(p => ProblemFactory.From(p, source, null)).ToList();
        profile = problems.Count == 0 ? new ClusterProfileDocument(root, source, null, null) : null;
        return profile is not null;
    }

    private static ProfileKind ReadKind(string kind, List<FieldProblem> problems)
    {
        if (Enum.TryParse<ProfileKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        problems.Add(new(ProfileErrorIds.InvalidProfileField, "kind", $"'{kind}' is not one of ClusterProfile, Profile", null));
        return ProfileKind.ClusterProfile;
    }

    private static YamlMapping BuildMetadata(ProfileBuildRequest request)
    {
        var metadata = new YamlMapping();
        metadata.Set("name", YamlScalar.String(request.Name));
        if (!string.IsNullOrEmpty(request.Namespace))
        {
            metadata.Set("namespace", YamlScalar.String(request.Namespace));
        }

        SetStringMap(metadata, "labels", request.Labels);
        SetStringMap(metadata, "annotations", request.Annotations);
        return metadata;
    }

    private static YamlMapping BuildSpec(ProfileBuildRequest request, List<FieldProblem> problems)
    {
        var given = new Dictionary<string, YamlNode?>
        {
            ["clusterSelector"] = BuildSelector(request.ClusterSelector, problems),
            ["clusterRefs"] = BuildList("clusterRefs", request.ClusterRefs, ProfileSchema.ClusterReference, problems, ClusterRefShorthand),
            ["setRefs"] = Strings(request.SetRefs),
            ["syncMode"] = Canonical(request.SyncMode, ProfileSchema.SyncModes),
            ["tier"] = request.Tier is { } tier ? YamlScalar.Integer(tier) : null,
            ["continueOnConflict"] = Boolean(request.ContinueOnConflict),
            ["continueOnError"] = Boolean(request.ContinueOnError),
            ["maxUpdate"] = request.MaxUpdate is null ? null : Convert(request.MaxUpdate, "spec.maxUpdate", problems),
            ["stopMatchingBehavior"] = Canonical(request.StopMatchingBehavior, ProfileSchema.StopMatchingBehaviors),
            ["reloader"] = Boolean(request.Reloader),
            ["templateResourceRefs"] = BuildList("templateResourceRefs", request.TemplateResourceRefs, ProfileSchema.TemplateResourceRef, problems),
            ["dependsOn"] = Strings(request.DependsOn),
            ["policyRefs"] = BuildList("policyRefs", request.PolicyRefs, ProfileSchema.PolicyRef, problems),
            ["helmCharts"] = BuildList("helmCharts", request.HelmCharts, ProfileSchema.HelmChart, problems),
            ["kustomizationRefs"] = BuildList("kustomizationRefs", request.KustomizationRefs, ProfileSchema.KustomizationRef, problems),
            ["maxConsecutiveFailures"] = request.MaxConsecutiveFailures is { } failures ? YamlScalar.Integer(failures) : null,
        };
        var spec = new YamlMapping();
        foreach (var field in ProfileSchema.Spec.Fields)
        {
            if (given.GetValueOrDefault(field.Name) is { } node)
            {
                spec.Set(field.Name, node);
            }
        }

        SetStringMap(spec, "extraLabels", request.ExtraLabels);
        SetStringMap(spec, "extraAnnotations", request.ExtraAnnotations);
        return spec;
    }

    private static YamlNode? BuildSelector(object? value, List<FieldProblem> problems)
    {
        const string path = "spec.clusterSelector";
        try
        {
            var selector = value switch
            {
                null => null,
                LabelSelector given => given,
                string text => LabelSelector.Parse(text),
                IDictionary<string, object?> dictionary => LabelSelector.FromDictionary(dictionary),
                IDictionary dictionary => LabelSelector.FromDictionary(ToGenericDictionary(dictionary)),
                _ => throw new SelectorParseException(null, null, null, $"expected a selector string or a dictionary, got a {value.GetType().Name}"),
            };
            if (selector is { IsEverything: true })
            {
                problems.Add(new(ProfileErrorIds.InvalidSelector, path, "an empty selector matches no cluster in Sveltos; give at least one requirement, or use clusterRefs", null));
                return null;
            }

            return selector is null ? null : LabelSelectorMapping.ToMapping(selector);
        }
        catch (SelectorParseException e)
        {
            problems.Add(new(ProfileErrorIds.InvalidSelector, path, e.Message, null));
            return null;
        }
    }

    private static YamlSequence? BuildList(string name, IEnumerable<object>? items, ObjectSchema schema, List<FieldProblem> problems, Func<string, YamlNode?>? shorthand = null)
    {
        if (items is null)
        {
            return null;
        }

        var list = new YamlSequence();
        foreach (var item in items)
        {
            var path = $"spec.{name}[{list.Items.Count}]";
            var node = item is string text && shorthand?.Invoke(text) is { } expanded ? expanded : Convert(item, path, problems);
            if (node is null)
            {
                list.Items.Add(new YamlMapping());
                continue;
            }

            var normalized = SchemaKeyNormalizer.Normalize(node, schema, path, problems);
            list.Items.Add(normalized is YamlMapping mapping ? Complete(mapping, schema) : normalized);
        }

        return list;
    }

    // Fills what people leave out but the API needs spelled out: a cluster's apiVersion, Helm values given as a mapping.
    private static YamlMapping Complete(YamlMapping item, ObjectSchema schema)
    {
        if (schema == ProfileSchema.ClusterReference && item.Get("apiVersion") is null && TreeReader.String(item, "kind") is { } kind)
        {
            var apiVersion = kind switch
            {
                "SveltosCluster" => ProfileSchema.SveltosClusterApiVersion,
                "Cluster" => ProfileSchema.CapiClusterApiVersion,
                _ => null,
            };
            if (apiVersion is not null)
            {
                var completed = new YamlMapping();
                completed.Set("apiVersion", YamlScalar.String(apiVersion));
                foreach (var (key, value) in item.Entries)
                {
                    completed.Set(key.Text, value);
                }

                return completed;
            }
        }

        if (schema == ProfileSchema.HelmChart && item.Get("values") is YamlMapping or YamlSequence)
        {
            item.Set("values", YamlScalar.String(YamlDocumentWriter.Write(item.Get("values")!)));
        }

        return item;
    }

    private static YamlNode? ClusterRefShorthand(string text)
    {
        var colon = text.IndexOf(':');
        var kind = colon < 0 ? "SveltosCluster" : text[..colon];
        var parts = text[(colon + 1)..].Split('/');
        if (parts.Length != 2)
        {
            return null;
        }

        var reference = new YamlMapping();
        reference.Set("kind", YamlScalar.String(kind));
        reference.Set("namespace", YamlScalar.String(parts[0]));
        reference.Set("name", YamlScalar.String(parts[1]));
        return reference;
    }

    private static YamlNode? Convert(object? value, string path, List<FieldProblem> problems)
    {
        try
        {
            return value is string text ? YamlScalar.String(text) : ObjectTreeConverter.FromObject(value);
        }
        catch (ArgumentException e)
        {
            problems.Add(new(ProfileErrorIds.InvalidProfileField, path, e.Message, null));
            return null;
        }
    }

    private static YamlScalar? Canonical(string? value, IReadOnlyList<string> allowed) =>
        value is null ? null : YamlScalar.String(allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase)) ?? value);

    private static YamlScalar? Boolean(bool? value) => value is { } b ? YamlScalar.Boolean(b) : null;

    private static YamlSequence? Strings(IEnumerable<string>? values) =>
        values is null ? null : new YamlSequence(values.Select(YamlScalar.String));

    // Label and annotation values are strings; PowerShell users often type numbers or booleans there.
    private static void SetStringMap(YamlMapping parent, string key, IDictionary<string, object?>? values)
    {
        if (values is null || values.Count == 0)
        {
            return;
        }

        var mapping = new YamlMapping();
        foreach (var (name, value) in values)
        {
            var text = value switch
            {
                bool b => b ? "true" : "false",
                _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            mapping.Set(name, YamlScalar.String(text));
        }

        parent.Set(key, mapping);
    }

    private static Dictionary<string, object?> ToGenericDictionary(IDictionary dictionary)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var enumerator = dictionary.GetEnumerator();
        while (enumerator.MoveNext())
        {
            result[System.Convert.ToString(enumerator.Key, CultureInfo.InvariantCulture) ?? ""] = enumerator.Value;
        }

        return result;
    }
}
