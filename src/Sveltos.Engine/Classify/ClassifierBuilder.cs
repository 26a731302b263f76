using System.Globalization;
using System.Text.RegularExpressions;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Profiles.Schema;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Classify;

/// <summary>What New-ClusterClassifier asks for. Dictionaries use the API's field names in any letter case.</summary>
public sealed class ClassifierBuildRequest
{
    public required string Name { get; set; }

    /// <summary>spec.classifierLabels: label key → value, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClassifierLabels { get; set; } = [];

    /// <summary>
    /// spec.kubernetesVersionConstraints: dictionaries (comparison, version) or strings such as <c>&gt;=1.28.0</c>,
    /// <c>&lt;1.30.0</c>, <c>==1.29.4</c>, <c>!=1.29.0</c>.
    /// </summary>
    public IEnumerable<object>? KubernetesVersionConstraints { get; set; }

    /// <summary>spec.deployedResourceConstraint.resourceSelectors, one dictionary each.</summary>
    public IEnumerable<object>? ResourceSelectors { get; set; }

    /// <summary>spec.deployedResourceConstraint.aggregatedClassification (Lua).</summary>
    public string? AggregatedClassification { get; set; }

    public IReadOnlyDictionary<string, string>? Labels { get; set; }

    public IReadOnlyDictionary<string, string>? Annotations { get; set; }
}

/// <summary>Builds a Classifier from a <see cref="ClassifierBuildRequest"/> and validates it exactly like an imported one.</summary>
public static partial class ClassifierBuilder
{
    /// <exception cref="ProfileValidationException">The request is invalid; every problem is listed, located as <c>Classifier/name field: problem</c>.</exception>
    public static ClassifierDocument Build(ClassifierBuildRequest request)
    {
        var source = $"Classifier/{request.Name}";
        var problems = new List<FieldProblem>();
        var root = new YamlMapping();
        root.Set("apiVersion", YamlScalar.String(ClassifierSchema.ApiVersion));
        root.Set("kind", YamlScalar.String(ClassifierSchema.Kind));
        var metadata = new YamlMapping();
        metadata.Set("name", YamlScalar.String(request.Name));
        SetMap(metadata, "labels", request.Labels);
        SetMap(metadata, "annotations", request.Annotations);
        root.Set("metadata", metadata);

        var spec = new YamlMapping();
        spec.Set("classifierLabels", new YamlSequence(request.ClassifierLabels.Select(l =>
        {
            var label = new YamlMapping();
            label.Set("key", YamlScalar.String(l.Key));
            label.Set("value", YamlScalar.String(l.Value));
            return (YamlNode)label;
        })));
        if (request.KubernetesVersionConstraints is { } constraints)
        {
            spec.Set("kubernetesVersionConstraints", List(constraints, "spec.kubernetesVersionConstraints", ClassifierSchema.VersionConstraint, problems, Shorthand));
        }

        if (request.ResourceSelectors is not null || request.AggregatedClassification is not null)
        {
            var deployed = new YamlMapping();
            deployed.Set("resourceSelectors", List(request.ResourceSelectors ?? [], "spec.deployedResourceConstraint.resourceSelectors", ClassifierSchema.ResourceSelector, problems, null));
            if (request.AggregatedClassification is { } aggregated)
            {
                deployed.Set("aggregatedClassification", YamlScalar.String(aggregated));
            }

            spec.Set("deployedResourceConstraint", deployed);
        }

        root.Set("spec", spec);
        problems.AddRange(ClassifierValidator.Validate(root));
        if (problems.Count > 0)
        {
            throw new ProfileValidationException(problems.Select(p => ProblemFactory.From(p with { ErrorId = ClassifierValidator.ClassifierId(p.ErrorId) }, source, null) with { Line = null, Column = null }).ToList());
        }

        // Re-read from text, so the document is exactly what import would give.
        return ClassifierDocument.Parse(YamlDocumentWriter.Write(root), source);
    }

    private static YamlSequence List(IEnumerable<object> items, string path, ObjectSchema schema, List<FieldProblem> problems, Func<string, string, List<FieldProblem>, YamlNode?>? shorthand)
    {
        var list = new YamlSequence();
        foreach (var item in items)
        {
            var itemPath = $"{path}[{list.Items.Count}]";
            YamlNode node;
            if (item is string text && shorthand is not null)
            {
                node = shorthand(text, itemPath, problems) ?? new YamlMapping();
            }
            else
            {
                try
                {
                    node = SchemaKeyNormalizer.Normalize(ObjectTreeConverter.FromObject(item), schema, itemPath, problems);
                }
                catch (ArgumentException e)
                {
                    problems.Add(new(ClassifierErrorIds.InvalidClassifierField, itemPath, e.Message, null));
                    node = new YamlMapping();
                }
            }

            list.Items.Add(node);
        }

        return list;
    }

    // ">=1.28.0" → { comparison: GreaterThanOrEqualTo, version: 1.28.0 }; a bare version means Equal.
    private static YamlNode? Shorthand(string text, string path, List<FieldProblem> problems)
    {
        var match = ConstraintText().Match(text.Trim());
        if (!match.Success)
        {
            problems.Add(new(ClassifierErrorIds.UnknownVersionComparison, path, $"'{text}' is not a constraint such as '>=1.28.0', '<1.30.0', '==1.29.4' or '!=1.29.0'", null));
            return null;
        }

        var comparison = match.Groups["op"].Value switch
        {
            ">=" => VersionComparison.GreaterThanOrEqualTo,
            "<=" => VersionComparison.LessThanOrEqualTo,
            ">" => VersionComparison.GreaterThan,
            "<" => VersionComparison.LessThan,
            "!=" => VersionComparison.NotEqual,
            _ => VersionComparison.Equal,
        };
        var constraint = new YamlMapping();
        constraint.Set("comparison", YamlScalar.String(comparison.ToString()));
        constraint.Set("version", YamlScalar.String(match.Groups["version"].Value));
        return constraint;
    }

    private static void SetMap(YamlMapping parent, string key, IReadOnlyDictionary<string, string>? values)
    {
        if (values is { Count: > 0 })
        {
            var mapping = new YamlMapping();
            foreach (var (name, value) in values)
            {
                mapping.Set(name, YamlScalar.String(value.ToString(CultureInfo.InvariantCulture)));
            }

            parent.Set(key, mapping);
        }
    }

    [GeneratedRegex(@"^(?<op>>=|<=|==|!=|=|>|<)?\s*(?<version>\S+)$")]
    private static partial Regex ConstraintText();
}
