namespace Sveltos;

/// <summary>What Invoke-ClusterClassification found for one (classifier, cluster) pair.</summary>
public sealed class ClassificationResult
{
    internal ClassificationResult(string classifier, string cluster, string @namespace, string? kubernetesVersion, string status, IReadOnlyDictionary<string, string> labels, string[] changes, string message, string? errorId)
    {
        Classifier = classifier;
        Cluster = cluster;
        Namespace = @namespace;
        KubernetesVersion = kubernetesVersion;
        Status = status;
        Labels = new SortedDictionary<string, string>(labels.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        Changes = changes;
        Message = message;
        ErrorId = errorId;
    }

    public string Classifier { get; }

    public string Cluster { get; }

    public string Namespace { get; }

    /// <summary>The version the cluster reported live.</summary>
    public string? KubernetesVersion { get; }

    /// <summary>Matched, NotMatched, Conflict, Failed or Skipped.</summary>
    public string Status { get; }

    /// <summary>The labels this classifier owns on the cluster after the run.</summary>
    public SortedDictionary<string, string> Labels { get; }

    /// <summary>The label changes made (or, under -WhatIf, that would be made) for this classifier on this cluster.</summary>
    public string[] Changes { get; }

    /// <summary>Why it matched or not, or what went wrong.</summary>
    public string Message { get; }

    /// <summary>The ErrorId of the error written for this pair (Conflict, Failed); null otherwise.</summary>
    public string? ErrorId { get; }

    public override string ToString() => $"Classifier/{Classifier} on {Namespace}/{Cluster}: {Status}";
}
