using System.Diagnostics;
using System.Management.Automation;
using Sveltos.Engine.Classify;
using Sveltos.Infrastructure;
using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Commands;

[Cmdlet(VerbsLifecycle.Invoke, "ClusterClassification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Sveltos.ClassificationResult))]
public sealed class InvokeClusterClassificationCommand : FleetCmdlet
{
    /// <summary>Works on one shard of the fleet's clusters ("2/8"), as one job of a CI matrix.</summary>
    [Parameter]
    [ValidateNotNull]
    public FleetShard? Shard { get; set; }

    internal override FleetShard? ShardOfCall => Shard;

    private const string Activity = "Classifying clusters";

    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = 16;

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        if (opened.IsReadOnly)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                "FleetReadOnly",
                ErrorCategory.InvalidOperation,
                $"Clusters cannot be labelled in {fleet.Description}.",
                fleet.Description,
                "Connect a fleet directory or a management cluster with Connect-SveltosFleet, or pass -FleetPath or -ManagementContext."));
        }

        try
        {
            ClassificationPlan plan = null!;
            RunOffPipeline(async (pump, token) =>
            {
                var observer = new Observer(this, pump, token);
                plan = await Classification.PlanAsync(opened, new ClassificationOptions { Parallelism = ThrottleLimit }, observer, token).ConfigureAwait(false);
            });

            foreach (var problems in ProfileProblems.PerDocument(plan.Classifiers.Problems))
            {
                ProfileProblems.Report(this, problems);
            }

            // Asked here, on the pipeline thread, one label change at a time; only approved changes are written.
            var approved = plan.Changes.Where(c => ShouldProcess($"{c.Cluster} in {fleet.Description}", c.Describe())).ToHashSet();
            var outcome = Await(token => Classification.ApplyAsync(opened, plan, approved.Contains, null, token));
            foreach (var change in outcome.Applied)
            {
                WriteVerbose($"{change.Cluster}: {change.Describe()}.");
            }

            foreach (var failure in outcome.Failures)
            {
                WriteError(ErrorRecords.AboutCluster(failure.Error, failure.Cluster.ToString()));
            }

            foreach (var result in plan.Results.OrderBy(r => r.Cluster.ToString(), StringComparer.Ordinal).ThenBy(r => r.Classifier, StringComparer.Ordinal))
            {
                if (result.Error is { } error && result.Status is ClassificationStatus.Conflict or ClassificationStatus.Failed)
                {
                    WriteError(ErrorRecords.AboutCluster(error, result.Cluster.ToString(), $"Classifier/{result.Classifier}"));
                }

                WriteObject(ClassifierMapper.ToOutput(result, plan.Changes));
            }
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }
        finally
        {
            WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private sealed class Observer(Cmdlet cmdlet, PipelinePump pump, CancellationToken token) : IClassificationObserver
    {
        private readonly Stopwatch sinceProgress = Stopwatch.StartNew();

        public void Verbose(string message) => pump.Post(() => cmdlet.WriteVerbose(message), token);

        public void Progress(int completed, int total)
        {
            if (completed != total && sinceProgress.ElapsedMilliseconds < 200)
            {
                return;
            }

            sinceProgress.Restart();
            pump.Post(
                () =>
                {
                    cmdlet.WriteProgress(new ProgressRecord(1, Activity, $"{completed} of {total} cluster(s) evaluated") { PercentComplete = total == 0 ? 100 : completed * 100 / total });
                    if (completed == total)
                    {
                        cmdlet.WriteVerbose($"Evaluated {total} cluster(s).");
                    }
                },
                token);
        }
    }
}
