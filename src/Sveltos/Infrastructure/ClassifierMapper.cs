using Sveltos.Engine.Classify;

namespace Sveltos.Infrastructure;

/// <summary>Maps engine classifiers and classification results onto the module's output objects.</summary>
internal static class ClassifierMapper
{
    public static ClusterClassifier ToOutput(ClassifierDocument document, string? source, string? path = null, string? fleet = null) => new(
        document.ToYaml(),
        document.Source,
        document.DocumentIndex,
        document.Line,
        document.Name,
        document.ClassifierLabels.Select(l => $"{l.Key}={l.Value}").ToArray(),
        document.VersionConstraints.Select(c => c.ToString()).ToArray(),
        document.ResourceSelectors.Select(s => s.ToString()).ToArray(),
        document.AggregatedClassification is not null || document.ResourceSelectors.Any(s => s.Evaluate is not null),
        source,
        path,
        fleet);

    /// <summary>The engine document a <see cref="ClusterClassifier"/> holds, re-read and validated again.</summary>
    public static ClassifierDocument ToDocument(ClusterClassifier classifier) =>
        ClassifierDocument.Parse(classifier.Yaml, classifier.DocumentSource, classifier.DocumentIndex, classifier.Line);

    public static Sveltos.ClassificationResult ToOutput(Engine.Classify.ClassificationResult result, IEnumerable<LabelChange> changes) => new(
        result.Classifier,
        result.Cluster.Name,
        result.Cluster.Namespace,
        result.KubernetesVersion,
        result.Status.ToString(),
        result.OwnedLabels,
        changes.Where(c => c.Classifier == result.Classifier && c.Cluster.Key == result.Cluster.Key).Select(c => c.Describe()).ToArray(),
        result.Message,
        result.Error?.ErrorId);
}
