namespace Sveltos;

/// <summary>
/// A Sveltos Classifier as the classifier cmdlets show it. The whole document is kept as YAML text (exactly what
/// Export-ClusterClassifier writes); the properties are read-only summaries of it.
/// </summary>
public sealed class ClusterClassifier
{
    internal ClusterClassifier(string yaml, string documentSource, int? documentIndex, int? line, string name, string[] classifierLabels, string[] versionConstraints, string[] resourceSelectors, bool hasScripts, string? source, string? path, string? fleet)
    {
        Yaml = yaml;
        DocumentSource = documentSource;
        DocumentIndex = documentIndex;
        Line = line;
        Name = name;
        ClassifierLabels = classifierLabels;
        KubernetesVersionConstraints = versionConstraints;
        ResourceSelectors = resourceSelectors;
        HasLuaScripts = hasScripts;
        Source = source;
        Path = path;
        Fleet = fleet;
    }

    public string Kind => "Classifier";

    public string Name { get; }

    /// <summary>spec.classifierLabels as <c>key=value</c>: the labels a matching cluster gets.</summary>
    public string[] ClassifierLabels { get; }

    /// <summary>spec.kubernetesVersionConstraints as <c>&gt;= v1.28.0</c>.</summary>
    public string[] KubernetesVersionConstraints { get; }

    /// <summary>spec.deployedResourceConstraint.resourceSelectors as <c>Kind.group/version namespace/name [filters]</c>.</summary>
    public string[] ResourceSelectors { get; }

    /// <summary>True when the classifier uses Lua (evaluate or aggregatedClassification).</summary>
    public bool HasLuaScripts { get; }

    /// <summary>Where it was read: <c>file[index]</c> or the fleet's object; null for a new classifier.</summary>
    public string? Source { get; }

    public string? Path { get; }

    public string? Fleet { get; }

    internal string Yaml { get; }

    internal string DocumentSource { get; }

    internal int? DocumentIndex { get; }

    internal int? Line { get; }

    /// <summary>The document as YAML: exactly what Export-ClusterClassifier writes for it.</summary>
    public string ToYaml() => Yaml;

    public override string ToString() => $"Classifier/{Name}";
}
