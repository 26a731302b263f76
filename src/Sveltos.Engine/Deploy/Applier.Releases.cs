using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy.Releases;
using Sveltos.Engine.Fleet;

namespace Sveltos.Engine.Deploy;

/// <summary>The Helm release steps of an apply: hooks, the wait, and what a failed step puts back (atomic, cleanupOnFail).</summary>
public static partial class Applier
{
    private sealed partial class ApplyRun
    {
        /// <summary>Runs a release's hooks of one event, reporting each; false (and the step failed) when one fails.</summary>
        private async Task<bool> RunHooksAsync(ReleaseStep step, string hookEvent, CancellationToken cancellationToken)
        {
            IReadOnlyList<HookOutcome> outcomes;
            try
            {
                outcomes = await HookRunner.RunAsync(client, step, hookEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (SveltosException ex)
            {
                var ran = ex is HookFailedException failed ? failed.Outcomes : [];
                ReportHooks(ran);
                await FailStepAsync(step, ex.Message, storageFailed: ran.All(o => o.Succeeded), cancellationToken).ConfigureAwait(false);
                return false;
            }

            ReportHooks(outcomes);
            return true;
        }

        private void ReportHooks(IReadOnlyList<HookOutcome> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                Results.Add(new ObjectResult(plan.Cluster, plan.Profile, outcome.Key, outcome.Succeeded ? ObjectAction.Created : ObjectAction.Failed, outcome.Message, null) { Local = plan.Local });
            }
        }

        private async Task<bool> WaitForReleaseAsync(ReleaseStep step, CancellationToken cancellationToken)
        {
            var objects = plan.Changes.Where(c => c.Desired is not null && !ReleaseStorage.IsStorage(c) && step.Owns(c)).Select(c => c.Key).ToList();
            try
            {
                await ReleaseWait.WaitAsync(client, step, objects, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SveltosException ex)
            {
                await FailStepAsync(step, ex.Message, storageFailed: true, cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        /// <summary>
        /// A release's step failed: its storage stays as it was (reported failed, or skipped when a failed hook's own
        /// result already carries the error), and with atomic its objects are put back.
        /// </summary>
        private async Task FailStepAsync(ReleaseStep step, string message, bool storageFailed, CancellationToken cancellationToken)
        {
            Failed = true;
            Completed++;
            var rolledBack = await RollBackAsync(step, cancellationToken).ConfigureAwait(false);
            FailureMessage = (message.Contains(step.ToString(), StringComparison.Ordinal) ? message : $"{step} ({step.Operation.ToString().ToLowerInvariant()} to revision {step.Revision}): {message}") + rolledBack;
            Report(step.Storage, storageFailed ? ObjectAction.Failed : ObjectAction.Skipped, storageFailed ? message + rolledBack : $"revision {step.Revision} not stored: a hook failed{rolledBack}");
        }

        /// <summary>
        /// atomic: puts back what the step's writes replaced (the previous revision's objects, as they were live) and
        /// deletes what they created, so the release is as its last good revision left it. Returns what it did, for the message.
        /// </summary>
        private async Task<string> RollBackAsync(ReleaseStep? step, CancellationToken cancellationToken)
        {
            if (step is null || step.Operation == ReleaseOperation.Uninstall || !(step.Options.Atomic || (step.Options.CleanupOnFail && step.Operation == ReleaseOperation.Upgrade)))
            {
                return "";
            }

            // cleanupOnFail without atomic removes only what the upgrade created.
            var createdOnly = !step.Options.Atomic;
            var previous = (plan.Previous?.Objects ?? []).ToDictionary(o => o.Key);
            var undone = 0;
            foreach (var change in written.Where(step.Owns).Where(c => !createdOnly || c.Live is null).Reverse().ToList())
            {
                var resource = await client.ResolveResourceAsync(change.Key.ApiVersion, change.Key.Kind, cancellationToken).ConfigureAwait(false);
                if (change.Live is null)
                {
                    await client.DeleteAsync(resource, change.Key.Namespace, change.Key.Name, dryRun: false, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await client.ApplyAsync(resource, AsItWas(change.Live), FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);
                }

                if (previous.TryGetValue(change.Key, out var entry))
                {
                    deployed[change.Key] = entry;
                }
                else
                {
                    deployed.Remove(change.Key);
                }

                written.Remove(change);
                Rewrite(change, ObjectAction.Skipped, createdOnly ? "removed (cleanupOnFail)" : "rolled back (atomic)");
                undone++;
            }

            if (createdOnly)
            {
                return $"; cleanupOnFail: {undone} object(s) the upgrade created removed";
            }

            return step.Operation == ReleaseOperation.Install
                ? $"; atomic: the install was rolled back ({undone} object(s) removed)"
                : $"; atomic: rolled back to revision {step.Revision - 1} ({undone} object(s) put back)";
        }

        private void Rewrite(PlannedChange change, ObjectAction action, string message)
        {
            var index = Results.FindIndex(r => r.Change == change);
            if (index >= 0)
            {
                Results[index] = Results[index] with { Action = action, Message = message, DriftHash = null, ResourceVersion = null };
            }
        }

        /// <summary>A live object as a server-side apply body: what the server manages itself left out.</summary>
        private static JsonObject AsItWas(JsonObject live)
        {
            var obj = (JsonObject)live.DeepClone();
            obj.Remove("status");
            if (obj["metadata"] is JsonObject metadata)
            {
                foreach (var field in new[] { "resourceVersion", "uid", "creationTimestamp", "generation", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds" })
                {
                    metadata.Remove(field);
                }
            }

            return obj;
        }
    }
}
