using System.Collections.Concurrent;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Classify;

/// <summary>
/// Classifies the fleet's clusters: evaluates every Classifier against every cluster's live state (in parallel),
/// then decides which labels to set and remove. One classifier owns a label key on a cluster: the one recorded
/// as its owner while it still matches, otherwise the first matching classifier by name; the others report a
/// conflict. Only labels recorded as set by a classifier (<see cref="LabelOwnership"/>) are ever removed.
/// <para>
/// Planning writes nothing. <see cref="ApplyAsync"/> writes the changes a caller approves (Invoke-ClusterClassification
/// asks ShouldProcess for each). <see cref="RunAsync"/> does both: the entry point for "classify, then sync".
/// </para>
/// </summary>
public static class Classification
{
    public static async Task<ClassificationOutcome> RunAsync(IFleet fleet, ClassificationOptions options, IClassificationObserver? observer, Func<LabelChange, bool>? approve, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(fleet, options, observer, cancellationToken).ConfigureAwait(false);
        return await ApplyAsync(fleet, plan, approve ?? (_ => true), observer, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ClassificationPlan> PlanAsync(IFleet fleet, ClassificationOptions options, IClassificationObserver? observer, CancellationToken cancellationToken)
    {
        var classifiers = await fleet.GetClassifiersAsync(cancellationToken).ConfigureAwait(false);
        var ordered = classifiers.Classifiers.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var clusters = (await fleet.GetClustersAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => options.ClusterKeys is null || options.ClusterKeys.Contains(c.Key))
            .ToList();
        observer?.Verbose($"Classifying {clusters.Count} cluster(s) with {ordered.Count} classifier(s) from {fleet.Description}.");

        var planned = new ConcurrentDictionary<string, (List<ClassificationResult> Results, List<LabelChange> Changes)>(StringComparer.Ordinal);
        var completed = 0;
        await Parallel.ForEachAsync(
            clusters,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            async (cluster, token) =>
            {
                var evaluations = await EvaluateClusterAsync(cluster, ordered, options, token).ConfigureAwait(false);
                planned[cluster.Key] = Arbitrate(cluster, ordered, classifiers.InvalidNames, evaluations);
                observer?.Progress(Interlocked.Increment(ref completed), clusters.Count);
            }).ConfigureAwait(false);

        var inOrder = clusters.Select(c => planned[c.Key]).ToList();
        return new ClassificationPlan(
            inOrder.SelectMany(p => p.Results).OrderBy(r => r.Classifier, StringComparer.Ordinal).ThenBy(r => r.Cluster.Namespace, StringComparer.Ordinal).ThenBy(r => r.Cluster.Name, StringComparer.Ordinal).ToList(),
            inOrder.SelectMany(p => p.Changes).ToList(),
            classifiers);
    }

    /// <summary>Writes the approved changes, one update per cluster (labels and the ownership record together).</summary>
    public static async Task<ClassificationOutcome> ApplyAsync(IFleet fleet, ClassificationPlan plan, Func<LabelChange, bool> approve, IClassificationObserver? observer, CancellationToken cancellationToken)
    {
        var approved = plan.Changes.Where(approve).ToList();
        var applied = new List<LabelChange>();
        var failures = new List<ClusterWriteFailure>();
        foreach (var group in approved.GroupBy(c => c.Cluster.Key))
        {
            var cluster = group.First().Cluster;
            var labels = new Dictionary<string, string>(cluster.Labels, StringComparer.Ordinal);
            var owners = new Dictionary<string, string>(LabelOwnership.Read(cluster), StringComparer.Ordinal);
            foreach (var change in group)
            {
                if (change.NewValue is null)
                {
                    labels.Remove(change.Key);
                    owners.Remove(change.Key);
                }
                else
                {
                    labels[change.Key] = change.NewValue;
                    owners[change.Key] = change.Classifier;
                }
            }

            try
            {
                await fleet.SetClusterMetadataAsync(cluster, labels, new Dictionary<string, string?> { [LabelOwnership.Annotation] = LabelOwnership.Write(owners) }, cancellationToken).ConfigureAwait(false);
                applied.AddRange(group);
                observer?.Verbose($"{cluster}: {string.Join("; ", group.Select(c => c.Describe()))}.");
            }
            catch (SveltosException ex)
            {
                failures.Add(new ClusterWriteFailure(cluster, ex));
            }
        }

        return new ClassificationOutcome(plan.Results, applied, failures);
    }

    private sealed record Evaluation(string? Version, bool? Matches, string Message, SveltosException? Error);

    private static async Task<Dictionary<string, Evaluation>> EvaluateClusterAsync(FleetCluster cluster, IReadOnlyList<ClassifierDocument> classifiers, ClassificationOptions options, CancellationToken cancellationToken)
    {
        var evaluations = new Dictionary<string, Evaluation>(StringComparer.Ordinal);

        // Nothing to evaluate: what is left to do (withdrawing labels of removed classifiers) needs no connection.
        if (classifiers.Count == 0)
        {
            return evaluations;
        }

        if (cluster.Paused)
        {
            foreach (var classifier in classifiers)
            {
                evaluations[classifier.Name] = new Evaluation(null, null, "the cluster is paused", null);
            }

            return evaluations;
        }

        KubeClient client;
        KubernetesVersion version;
        try
        {
            var context = await cluster.Connection.ResolveAsync(cancellationToken).ConfigureAwait(false);
            client = KubeClientFactory.Create(context, KubeClientOptions.Default with { RequestTimeout = options.RequestTimeout, MaxAttempts = 2 });
            var reported = await client.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
            if (!KubernetesVersion.TryParse(reported, out version!, out var problem))
            {
                client.Dispose();
                throw new SveltosException(ClassifierErrorIds.InvalidKubernetesVersion, ErrorKind.InvalidData, $"Cluster '{cluster}' reports {problem}.", cluster.ToString(), "Check the cluster's /version endpoint.");
            }
        }
        catch (SveltosException ex)
        {
            foreach (var classifier in classifiers)
            {
                evaluations[classifier.Name] = new Evaluation(null, null, ex.Message, ex);
            }

            return evaluations;
        }

        using (client)
        {
            var evaluator = new ClusterEvaluator(client, version);
            foreach (var classifier in classifiers)
            {
                try
                {
                    var (matches, reason) = await evaluator.EvaluateAsync(classifier, cancellationToken).ConfigureAwait(false);
                    evaluations[classifier.Name] = new Evaluation(version.Original, matches, reason, null);
                }
                catch (SveltosException ex)
                {
                    evaluations[classifier.Name] = new Evaluation(version.Original, null, ex.Message, ex);
                }
            }
        }

        return evaluations;
    }

    private static (List<ClassificationResult> Results, List<LabelChange> Changes) Arbitrate(
        FleetCluster cluster,
        IReadOnlyList<ClassifierDocument> classifiers,
        IReadOnlySet<string> invalidNames,
        Dictionary<string, Evaluation> evaluations)
    {
        var recorded = LabelOwnership.Read(cluster);
        var changes = new List<LabelChange>();
        var owned = classifiers.ToDictionary(c => c.Name, _ => new SortedDictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var conflicts = classifiers.ToDictionary(c => c.Name, _ => new List<string>(), StringComparer.Ordinal);
        bool Matched(string name) => evaluations.TryGetValue(name, out var e) && e.Matches == true;

        // A recorded owner that is invalid, or that could not be evaluated here, keeps its labels untouched.
        bool Frozen(string owner) => invalidNames.Contains(owner) || (evaluations.TryGetValue(owner, out var e) && e.Matches is null);

        var keys = classifiers.Where(c => Matched(c.Name)).SelectMany(c => c.ClassifierLabels.Select(l => l.Key)).Concat(recorded.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var candidates = classifiers.Where(c => Matched(c.Name) && c.ClassifierLabels.Any(l => l.Key == key)).ToList();
            var current = cluster.Labels.TryGetValue(key, out var value) ? value : null;
            var previousOwner = recorded.TryGetValue(key, out var o) ? o : null;
            string? owner;
            string conflictReason;
            if (previousOwner is not null && Frozen(previousOwner))
            {
                owner = null;
                conflictReason = $"label '{key}' is owned by Classifier/{previousOwner}, which could not be evaluated";
                if (owned.TryGetValue(previousOwner, out var frozenLabels) && current is not null)
                {
                    frozenLabels[key] = current;
                }
            }
            else if (previousOwner is null && current is not null && candidates.Count > 0)
            {
                owner = null;
                conflictReason = $"label '{key}' is already set on the cluster ({key}={current}) and no classifier set it";
            }
            else
            {
                owner = candidates.FirstOrDefault(c => c.Name == previousOwner)?.Name ?? candidates.FirstOrDefault()?.Name;
                conflictReason = $"label '{key}' is owned by Classifier/{owner}";
                if (owner is not null)
                {
                    var desired = candidates.First(c => c.Name == owner).ClassifierLabels.First(l => l.Key == key).Value;
                    owned[owner][key] = desired;
                    if (current != desired || previousOwner != owner)
                    {
                        changes.Add(new LabelChange(cluster, key, current, desired, owner, current is null ? LabelChangeAction.Add : LabelChangeAction.Update));
                    }
                }
                else if (previousOwner is not null && current is not null)
                {
                    changes.Add(new LabelChange(cluster, key, current, null, previousOwner, LabelChangeAction.Remove));
                }
                else if (previousOwner is not null)
                {
                    // The label is gone already; only the record is left to drop.
                    changes.Add(new LabelChange(cluster, key, null, null, previousOwner, LabelChangeAction.Remove));
                }
            }

            foreach (var loser in candidates.Where(c => c.Name != owner))
            {
                conflicts[loser.Name].Add(conflictReason);
            }
        }

        var results = classifiers.Select(classifier =>
        {
            var evaluation = evaluations[classifier.Name];
            var status = evaluation switch
            {
                { Error: not null } => ClassificationStatus.Failed,
                { Matches: null } => ClassificationStatus.Skipped,
                { Matches: false } => ClassificationStatus.NotMatched,
                _ when conflicts[classifier.Name].Count > 0 => ClassificationStatus.Conflict,
                _ => ClassificationStatus.Matched,
            };
            var message = status == ClassificationStatus.Conflict ? $"{evaluation.Message}; but {string.Join("; ", conflicts[classifier.Name])}" : evaluation.Message;
            var error = status == ClassificationStatus.Conflict
                ? new SveltosException(
                    ClassifierErrorIds.ClassifierLabelConflict,
                    ErrorKind.Conflict,
                    $"Classifier '{classifier.Name}' matches cluster '{cluster}', but {string.Join("; ", conflicts[classifier.Name])}.",
                    $"Classifier/{classifier.Name} on {cluster}",
                    "Give the classifiers different label keys, or remove the label set by hand so a classifier can own it.")
                : evaluation.Error;
            return new ClassificationResult(classifier.Name, cluster, evaluation.Version, status, owned[classifier.Name], message, error);
        }).ToList();
        return (results, changes);
    }
}
