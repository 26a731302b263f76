using System.Text.Json.Nodes;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Selection;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Classify;

/// <summary>
/// A Sveltos Classifier (lib.projectsveltos.io/v1beta1). The whole document is kept as read, key order and
/// unknown fields included, so export gives back the same data; the properties are typed views over it.
/// </summary>
public sealed class ClassifierDocument
{
    internal ClassifierDocument(YamlMapping root, string source, int? documentIndex, int? line)
    {
        Root = root;
        Source = source;
        DocumentIndex = documentIndex;
        Line = line;
    }

    internal YamlMapping Root { get; }

    /// <summary>The file it was read from (as given), or a description such as <c>Classifier/k8s-128</c>.</summary>
    public string Source { get; }

    public int? DocumentIndex { get; }

    public int? Line { get; }

    public string Name => TreeReader.String(Metadata, "name") ?? "";

    public IReadOnlyDictionary<string, string> Labels => TreeReader.StringMap(Metadata, "labels");

    /// <summary><c>Classifier/name</c>.</summary>
    public string Identity => $"Classifier/{Name}";

    /// <summary>spec.classifierLabels in order: what a matching cluster is labelled with.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClassifierLabels =>
        TreeReader.Mappings(Spec, "classifierLabels")
            .Select(m => new KeyValuePair<string, string>(TreeReader.String(m, "key") ?? "", TreeReader.String(m, "value") ?? ""))
            .ToList();

    /// <summary>spec.kubernetesVersionConstraints; every one must hold.</summary>
    public IReadOnlyList<VersionConstraint> VersionConstraints =>
        TreeReader.Mappings(Spec, "kubernetesVersionConstraints")
            .Select(m => new VersionConstraint(Enum.Parse<VersionComparison>(TreeReader.String(m, "comparison")!), KubernetesVersion.Parse(TreeReader.String(m, "version")!)))
            .ToList();

    /// <summary>spec.deployedResourceConstraint.resourceSelectors; each must find at least one object.</summary>
    public IReadOnlyList<ResourceSelector> ResourceSelectors =>
        TreeReader.Mappings(TreeReader.Mapping(Spec, "deployedResourceConstraint"), "resourceSelectors").Select(ResourceSelector.Read).ToList();

    /// <summary>spec.deployedResourceConstraint.aggregatedClassification (Lua), or null.</summary>
    public string? AggregatedClassification =>
        TreeReader.String(TreeReader.Mapping(Spec, "deployedResourceConstraint"), "aggregatedClassification") is { Length: > 0 } script ? script : null;

    private YamlMapping? Metadata => Root.Get("metadata") as YamlMapping;

    private YamlMapping? Spec => Root.Get("spec") as YamlMapping;

    /// <summary>Reads text holding exactly one Classifier.</summary>
    /// <exception cref="ProfileValidationException">The text holds no classifier, several documents, another kind, or an invalid classifier.</exception>
    public static ClassifierDocument Parse(string yamlOrJson, string source = ProfileImporter.TextSource, int? documentIndex = null, int? line = null)
    {
        var results = documentIndex is null ? ClassifierImporter.ImportText(yamlOrJson, source) : ClassifierImporter.ImportCopy(yamlOrJson, source);
        if (results is [{ Classifier: { } classifier }])
        {
            return documentIndex is null ? classifier : new ClassifierDocument(classifier.Root, source, documentIndex, line);
        }

        var problems = results.SelectMany(r => r.Problems).Select(p => documentIndex is null ? p : p with { DocumentIndex = documentIndex, Line = null, Column = null }).ToList();
        if (problems.Count == 0)
        {
            problems.Add(new ProfileProblem(ProfileErrorIds.MalformedYaml, source, documentIndex, "", results.Count == 0 ? "no Classifier found" : "expected one document, found several"));
        }

        throw new ProfileValidationException(problems);
    }

    public string ToYaml() => YamlDocumentWriter.Write(Root);

    public JsonObject ToJsonObject() => JsonTreeConverter.ToJsonObject(Root);

    /// <summary>One YAML stream with a document per classifier.</summary>
    public static string ToYaml(IEnumerable<ClassifierDocument> classifiers) => YamlDocumentWriter.Write(classifiers.Select(c => c.Root));

    /// <summary>One <c>DuplicateClassifierName</c> problem for each later classifier of a name already seen.</summary>
    public static IReadOnlyList<ProfileProblem> FindDuplicateNames(IEnumerable<ClassifierDocument> classifiers)
    {
        var first = new Dictionary<string, ClassifierDocument>(StringComparer.Ordinal);
        var problems = new List<ProfileProblem>();
        foreach (var classifier in classifiers)
        {
            if (!first.TryAdd(classifier.Name, classifier))
            {
                var original = first[classifier.Name];
                var where = original.DocumentIndex is null ? original.Source : $"{original.Source}[{original.DocumentIndex}]";
                problems.Add(new ProfileProblem(ClassifierErrorIds.DuplicateClassifierName, classifier.Source, classifier.DocumentIndex, "metadata.name", $"Classifier '{classifier.Name}' is already defined in {where}", classifier.Line));
            }
        }

        return problems;
    }

    public override string ToString() => Identity;
}

/// <summary>How a label filter compares an object's label.</summary>
public enum LabelFilterOperation
{
    Equal,
    Different,
    Has,
    DoesNotHave,
}

/// <summary>One labelFilters entry of a resource selector.</summary>
public sealed record LabelFilter(string Key, LabelFilterOperation Operation, string Value)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels) => Operation switch
    {
        LabelFilterOperation.Equal => labels.TryGetValue(Key, out var v) && v == Value,
        LabelFilterOperation.Different => !labels.TryGetValue(Key, out var d) || d != Value,
        LabelFilterOperation.Has => labels.ContainsKey(Key),
        _ => !labels.ContainsKey(Key),
    };

    public override string ToString() => Operation switch
    {
        LabelFilterOperation.Equal => $"{Key}={Value}",
        LabelFilterOperation.Different => $"{Key}!={Value}",
        LabelFilterOperation.Has => Key,
        _ => $"!{Key}",
    };
}

/// <summary>One resourceSelectors entry: which objects a cluster must hold.</summary>
public sealed record ResourceSelector(
    string Group,
    string Version,
    string Kind,
    string? Namespace,
    string? Name,
    IReadOnlyList<LabelFilter> LabelFilters,
    LabelSelector? Selector,
    string? Evaluate)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    internal static ResourceSelector Read(YamlMapping m) => new(
        TreeReader.String(m, "group") ?? "",
        TreeReader.String(m, "version") ?? "",
        TreeReader.String(m, "kind") ?? "",
        TreeReader.String(m, "namespace") is { Length: > 0 } ns ? ns : null,
        TreeReader.String(m, "name") is { Length: > 0 } name ? name : null,
        TreeReader.Mappings(m, "labelFilters")
            .Select(f => new LabelFilter(TreeReader.String(f, "key") ?? "", TreeReader.Enum(f, "operation", LabelFilterOperation.Equal), TreeReader.String(f, "value") ?? ""))
            .ToList(),
        TreeReader.String(m, "selector") is { Length: > 0 } selector ? LabelSelector.Parse(selector) : null,
        TreeReader.String(m, "evaluate") is { Length: > 0 } script ? script : null);

    /// <summary>E.g. <c>CustomResourceDefinition.apiextensions.k8s.io/v1 certificates.cert-manager.io</c>.</summary>
    public override string ToString()
    {
        var text = $"{Kind}.{ApiVersion}";
        if (Namespace is not null || Name is not null)
        {
            text += " " + (Namespace is null ? Name ?? "*" : $"{Namespace}/{Name ?? "*"}");
        }

        var filters = LabelFilters.Select(f => f.ToString()).Concat(Selector is null ? [] : [Selector.ToString()]).ToList();
        if (filters.Count > 0)
        {
            text += $" [{string.Join(",", filters)}]";
        }

        return Evaluate is null ? text : text + " (evaluate)";
    }
}
