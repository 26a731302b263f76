using Sveltos.Engine.Fleet;

namespace Sveltos.Engine.Classify;

/// <summary>What classification found for one (classifier, cluster) pair.</summary>
public enum ClassificationStatus
{
    /// <summary>The cluster satisfies the classifier; its labels are (or will be) set.</summary>
    Matched,

    /// <summary>The cluster does not satisfy the classifier; labels it owns there are (or will be) removed.</summary>
    NotMatched,

    /// <summary>The cluster matches, but another classifier (or a person) owns one of its label keys there.</summary>
    Conflict,

    /// <summary>The cluster could not be evaluated (unreachable, a request or script failed); its labels are left as they are.</summary>
    Failed,

    /// <summary>The cluster is paused; nothing is evaluated or changed.</summary>
    Skipped,
}

/// <summary>The outcome for one (classifier, cluster) pair.</summary>
public sealed record ClassificationResult(
    string Classifier,
    FleetCluster Cluster,
    string? KubernetesVersion,
    ClassificationStatus Status,
    IReadOnlyDictionary<string, string> OwnedLabels,
    string Message,
    SveltosException? Error);

public enum LabelChangeAction
{
    Add,
    Update,
    Remove,
}

/// <summary>One label a classification run sets or removes on a cluster, on behalf of <see cref="Classifier"/>.</summary>
public sealed record LabelChange(FleetCluster Cluster, string Key, string? OldValue, string? NewValue, string Classifier, LabelChangeAction Action)
{
    /// <summary>E.g. <c>Add label k8s=v1.28 (Classifier/k8s-128)</c>: what -WhatIf and -Confirm show.</summary>
    public string Describe() => Action switch
    {
        LabelChangeAction.Update when OldValue == NewValue => $"Take over label {Key}={NewValue} (Classifier/{Classifier})",
        LabelChangeAction.Add => $"Add label {Key}={NewValue} (Classifier/{Classifier})",
        LabelChangeAction.Update => $"Set label {Key}={NewValue} (was {OldValue}; Classifier/{Classifier})",
        _ => $"Remove label {Key}={OldValue} (Classifier/{Classifier} no longer matches)",
    };
}

/// <summary>What a run would do: a result per pair and the label changes, none applied yet.</summary>
public sealed record ClassificationPlan(
    IReadOnlyList<ClassificationResult> Results,
    IReadOnlyList<LabelChange> Changes,
    FleetClassifiers Classifiers);

/// <summary>What a run did: the plan's results and the changes that were approved and written.</summary>
public sealed record ClassificationOutcome(IReadOnlyList<ClassificationResult> Results, IReadOnlyList<LabelChange> Applied, IReadOnlyList<ClusterWriteFailure> Failures);

/// <summary>A cluster whose label changes could not be written.</summary>
public sealed record ClusterWriteFailure(FleetCluster Cluster, SveltosException Error);

/// <summary>How a run reports as it goes; every member is called from worker threads.</summary>
public interface IClassificationObserver
{
    void Verbose(string message);

    void Progress(int completed, int total);
}

public sealed record ClassificationOptions
{
    /// <summary>Clusters evaluated at once.</summary>
    public int Parallelism { get; init; } = 16;

    /// <summary>Only these clusters (by <see cref="FleetCluster.Key"/>) are classified; null for all.</summary>
    public IReadOnlySet<string>? ClusterKeys { get; init; }

    /// <summary>Per request to a managed cluster.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
