using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Classify;

/// <summary>
/// Evaluates classifiers against one live cluster: its version (asked once) and the objects resource selectors
/// name (one LIST per distinct kind, namespace and label selector, shared by every classifier).
/// </summary>
internal sealed class ClusterEvaluator(KubeClient client, KubernetesVersion version)
{
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<JsonObject>>> lists = new(StringComparer.Ordinal);

    public KubernetesVersion Version { get; } = version;

    /// <summary>
    /// True when every version constraint holds and either the aggregatedClassification script says matching or,
    /// without one, every resource selector finds at least one object.
    /// </summary>
    public async Task<(bool Matches, string Reason)> EvaluateAsync(ClassifierDocument classifier, CancellationToken cancellationToken)
    {
        foreach (var constraint in classifier.VersionConstraints)
        {
            if (!constraint.IsSatisfiedBy(Version))
            {
                return (false, $"version {Version.Original} is not {constraint}");
            }
        }

        var found = new List<JsonObject>();
        string? explanation = null;
        var emptySelector = (ResourceSelector?)null;
        for (var i = 0; i < classifier.ResourceSelectors.Count; i++)
        {
            var selector = classifier.ResourceSelectors[i];
            var objects = await FindAsync(selector, cancellationToken).ConfigureAwait(false);
            if (selector.Evaluate is { } script)
            {
                objects = ClassifierScripts.Filter(classifier.Name, i, script, objects);
            }

            emptySelector ??= objects.Count == 0 ? selector : null;
            found.AddRange(objects);
        }

        // With aggregatedClassification the script decides, even when a selector found nothing (e.g. "no Service
        // lacks its Pods"); without it, every selector must find at least one object.
        if (classifier.AggregatedClassification is { } aggregated)
        {
            var (matching, message) = ClassifierScripts.Aggregate(classifier.Name, aggregated, found);
            explanation = message is { Length: > 0 } ? $"aggregatedClassification: {message}" : null;
            if (!matching)
            {
                return (false, explanation ?? "aggregatedClassification did not match");
            }
        }
        else if (emptySelector is not null)
        {
            return (false, $"no {emptySelector}");
        }

        var reasons = new List<string>();
        if (classifier.VersionConstraints.Count > 0)
        {
            reasons.Add($"version {Version.Original} is {string.Join(" and ", classifier.VersionConstraints)}");
        }

        if (classifier.ResourceSelectors.Count > 0)
        {
            reasons.Add(explanation ?? $"found {string.Join(", ", classifier.ResourceSelectors)}");
        }

        return (true, reasons.Count == 0 ? "no constraints: every cluster matches" : string.Join("; ", reasons));
    }

    private async Task<IReadOnlyList<JsonObject>> FindAsync(ResourceSelector selector, CancellationToken cancellationToken)
    {
        var key = $"{selector.ApiVersion}|{selector.Kind}|{selector.Namespace}|{selector.Selector}";
        var listed = await lists.GetOrAdd(key, _ => ListAsync(selector, cancellationToken)).ConfigureAwait(false);
        return listed
            .Where(o => selector.Name is null || KubeObject.Name(o) == selector.Name)
            .Where(o => selector.LabelFilters.All(f => f.Matches(KubeObject.Labels(o))))
            .ToList();
    }

    // A kind the cluster does not serve (its CRD is absent) simply has no objects.
    private async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceSelector selector, CancellationToken cancellationToken)
    {
        if (await client.FindResourceAsync(selector.ApiVersion, selector.Kind, cancellationToken).ConfigureAwait(false) is not { } resource)
        {
            return [];
        }

        var list = await client.ListAsync(resource, selector.Namespace, selector.Selector?.ToString(), cancellationToken).ConfigureAwait(false);
        return list.Items;
    }
}
