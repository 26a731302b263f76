using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy.Releases;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Carries out an approved plan with server-side apply. The deployment record is written before the
/// first change (listing everything that may come to exist) and after the last (listing what was
/// applied, and the one change in flight when a run is interrupted), so an interrupted sync never leaves
/// an object the next sync does not know about, and the record never claims what was not done.
/// </summary>
public static partial class Applier
{
    private static readonly TimeSpan CrdServeTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RecordWriteTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<ObjectResult>> ApplyAsync(KubeClient client, ApplyPlan plan, RecordOwner owner, Func<PlannedChange, bool> approve, CancellationToken cancellationToken)
    {
        var run = new ApplyRun(client, plan, owner);
        if (plan.Blocked is not null)
        {
            return run.ReportBlocked();
        }

        var approved = plan.Changes.Where(c => c.IsChange && approve(c)).ToHashSet();
        foreach (var withheld in ReleaseStep.StorageOfPartlyApproved(plan, approved).ToList())
        {
            approved.Remove(withheld);
            run.Report(withheld, ObjectAction.Skipped, "not stored: not every object of the release was confirmed");
            run.Declined = true;
        }

        foreach (var declined in plan.Changes.Where(c => c.IsChange && !approved.Contains(c)))
        {
            run.Report(declined, ObjectAction.Skipped, "not confirmed");
            run.Declined = true;
        }

        if (approved.Count == 0)
        {
            run.ReportUnchangedAndSkipped();
            var nothingDeclined = plan.Changes.All(c => !c.IsChange);
            var recordOutdated = plan.IsWithdrawal || plan.Seal.Matches(plan.Previous?.InputHash, plan.Desired!.InputHash) != true || plan.Previous?.Status != DeploymentStatus.Provisioned;
            if (nothingDeclined && recordOutdated && !(plan.Desired?.IsOneTime == true && plan.Previous is not null))
            {
                // The cluster already matches (objects adopted or applied by an interrupted run): record that.
                await run.WriteRecordAsync(DeploymentStatus.Provisioned, "", cancellationToken).ConfigureAwait(false);
            }
            else if (plan.Previous is { } previous && !owner.Owns(previous) && !plan.IsWithdrawal)
            {
                // A record written before fleets had identities, of a deployment this fleet continues: claim it as it is.
                await DeploymentRecordStore.SaveAsync(client, previous with { Fleet = owner.Fleet, FleetDescription = owner.Description }, cancellationToken).ConfigureAwait(false);
            }

            return run.Results;
        }

        var status = DeploymentStatus.Provisioned;
        var message = "";
        var started = false;
        try
        {
            await run.WriteRecordAsync(DeploymentStatus.Applying, "", cancellationToken).ConfigureAwait(false);
            started = true;
            await run.ApplyAllAsync(approved, cancellationToken).ConfigureAwait(false);
            status = run.Failed ? DeploymentStatus.Failed : DeploymentStatus.Provisioned;
            message = run.FailureMessage;
        }
        catch (SveltosException ex) when (started)
        {
            // A request outside one change failed (the cluster went away while a hook or a wait ran): the record must not say Provisioned.
            status = DeploymentStatus.Failed;
            message = run.Failed ? $"{run.FailureMessage}; {ex.Message}" : ex.Message;
            throw;
        }
        catch (OperationCanceledException)
        {
            // Cut short while the intent was being written, it may or may not be there: the record is written again either way.
            status = DeploymentStatus.Applying;
            message = started
                ? $"interrupted after {run.Completed} of {approved.Count} change(s); the next sync completes it"
                : "interrupted before its first change; the next sync completes it";
            run.Interrupted = true;
            throw;
        }
        finally
        {
            run.ReportUnchangedAndSkipped();
            if (started || run.Interrupted)
            {
                using var timeout = new CancellationTokenSource(RecordWriteTimeout);
                try
                {
                    await run.WriteRecordAsync(status, message, timeout.Token).ConfigureAwait(false);
                }
                catch (SveltosException ex) when (status == DeploymentStatus.Failed && !run.Interrupted)
                {
                    // The cluster went away mid-apply: say what failed first, not only that the record could not follow.
                    throw new SveltosException(
                        ex.ErrorId,
                        ex.Kind,
                        $"{ProfileRefs.Identity(plan.Profile)}: {message}; the deployment record could not be written either: {ex.Message}",
                        plan.Cluster,
                        "Once the cluster answers again, sync: the next sync finds what was applied and finishes the job.",
                        ex);
                }
            }
        }

        return run.Results;
    }

    /// <summary>
    /// Records that a pair's content could not be produced: the record keeps what was deployed and says why, so
    /// summaries show Failed rather than the last success. Written once per distinct failure.
    /// </summary>
    public static async Task RecordFailureAsync(KubeClient client, ApplyFailure failure, RecordOwner owner, CancellationToken cancellationToken)
    {
        var previous = failure.Previous;
        if (previous is { Status: DeploymentStatus.Failed } && previous.Message == failure.Message && owner.Owns(previous))
        {
            return;
        }

        var record = (previous ?? new DeploymentRecord { Profile = failure.Profile, Cluster = failure.Cluster, Local = failure.Local }) with
        {
            Status = DeploymentStatus.Failed,
            Message = failure.Message,
            InputHash = "",
            Fleet = owner.Fleet,
            FleetDescription = owner.Description,
            Updated = DateTimeOffset.UtcNow,
        };
        await DeploymentRecordStore.SaveAsync(client, record, cancellationToken).ConfigureAwait(false);
    }

    private sealed partial class ApplyRun
    {
        private readonly KubeClient client;
        private readonly ApplyPlan plan;
        private readonly RecordOwner owner;
        private PlannedChange? inFlight;
        private RecordSeal seal;
        private readonly Dictionary<ObjectKey, RecordedObject> deployed;
        private readonly HashSet<PlannedChange> reported = [];
        private readonly Dictionary<ObjectKey, (string? DriftHash, string? ResourceVersion)> applied = [];
        private readonly List<PlannedChange> written = [];
        private IReadOnlyList<ReleaseStep> steps = [];

        public ApplyRun(KubeClient client, ApplyPlan plan, RecordOwner owner)
        {
            this.client = client;
            this.plan = plan;
            this.owner = owner;
            seal = plan.Seal;
            deployed = (plan.Previous?.Objects ?? []).ToDictionary(o => o.Key);
            foreach (var change in plan.Changes.Where(c => !c.IsChange))
            {
                if (change.Desired is null)
                {
                    // A recorded object that is already gone, or that another owner holds now, is no longer ours.
                    deployed.Remove(change.Key);
                }
                else if (change.Action == ObjectAction.Unchanged)
                {
                    // Unchanged objects keep the entry (and drift hash) they were applied with.
                    deployed[change.Key] = deployed.TryGetValue(change.Key, out var known) && known.Hash.Length > 0
                        ? known
                        : RecordedObject.Of(change.Key, change.Desired.Hash, known?.DriftHash);
                }
            }
        }

        /// <summary>Some changes were not approved: the record must not claim the new inputs are deployed.</summary>
        public bool Declined { get; set; }

        public List<ObjectResult> Results { get; } = [];

        public bool Failed { get; private set; }

        /// <summary>Changes carried out (or failed) so far.</summary>
        public int Completed { get; private set; }

        /// <summary>Set when the run was cancelled: the record lists only what was applied and the change in flight.</summary>
        public bool Interrupted { get; set; }

        public string FailureMessage { get; private set; } = "";

        public List<ObjectResult> ReportBlocked()
        {
            foreach (var change in plan.Changes)
            {
                Report(change, change.Action == ObjectAction.Conflict ? ObjectAction.Conflict : ObjectAction.Skipped, change.Action == ObjectAction.Conflict ? change.Message : plan.Blocked!);
            }

            return Results;
        }

        public void Report(PlannedChange change, ObjectAction action, string message)
        {
            if (reported.Add(change))
            {
                applied.TryGetValue(change.Key, out var state);
                Results.Add(new ObjectResult(plan.Cluster, plan.Profile, change.Key, action, message, change) { Local = plan.Local, DriftHash = state.DriftHash, ResourceVersion = state.ResourceVersion });
            }
        }

        public void ReportUnchangedAndSkipped()
        {
            foreach (var change in plan.Changes.Where(c => !c.IsChange))
            {
                Report(change, change.Action, change.Message);
            }

            foreach (var change in plan.Changes.Where(c => c.IsChange))
            {
                Report(change, ObjectAction.Skipped, Failed ? "not applied: an earlier object failed" : "not applied: the sync was interrupted");
            }
        }

        public async Task ApplyAllAsync(HashSet<PlannedChange> approved, CancellationToken cancellationToken)
        {
            if (plan.Desired is { } desired)
            {
                await EnsureNamespacesAsync(desired, cancellationToken).ConfigureAwait(false);
            }

            // Helm releases: pre hooks, the objects, (wait), post hooks, and the revision's storage last, so that helm
            // sees the new revision only once it is in place; a failure leaves the last good revision as helm's.
            steps = ReleaseStep.Of(plan, approved);
            foreach (var step in steps.Where(s => s.RunsHooks))
            {
                if (!await RunHooksAsync(step, step.PreEvent, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            var writes = approved.Where(c => c.Desired is not null && !ReleaseStorage.IsStorage(c)).OrderBy(c => c.Desired!.IsFoundation ? 0 : 1).ToList();
            foreach (var change in writes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!change.Desired!.IsFoundation && writes.Any(w => w.Desired!.IsFoundation && w.Key.Kind == "CustomResourceDefinition"))
                {
                    await WaitForKindAsync(change.Key, cancellationToken).ConfigureAwait(false);
                }

                if (!await TryAsync(change, () => WriteAsync(change, cancellationToken)).ConfigureAwait(false))
                {
                    FailureMessage += await RollBackAsync(steps.FirstOrDefault(s => s.Owns(change)), cancellationToken).ConfigureAwait(false);
                    if (!ContinueOnError)
                    {
                        return;
                    }
                }
            }

            // Removals go last, in Helm's uninstall order: custom resources before their definitions, namespaces last.
            if (Failed || !await RemoveAllAsync(approved.Where(c => c.Desired is null && !ReleaseStorage.IsStorage(c)), cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            foreach (var step in steps.Where(s => s.Operation != ReleaseOperation.Uninstall || s.RunsHooks))
            {
                if (step.Waits && !await WaitForReleaseAsync(step, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (step.RunsHooks && !await RunHooksAsync(step, step.PostEvent, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            foreach (var change in approved.Where(c => c.Desired is not null && ReleaseStorage.IsStorage(c)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await TryAsync(change, () => WriteAsync(change, cancellationToken)).ConfigureAwait(false) && !ContinueOnError)
                {
                    return;
                }
            }

            await RemoveAllAsync(approved.Where(c => c.Desired is null && ReleaseStorage.IsStorage(c)), cancellationToken).ConfigureAwait(false);
        }

        private async Task<bool> RemoveAllAsync(IEnumerable<PlannedChange> changes, CancellationToken cancellationToken)
        {
            var removals = Helm.Rendering.InstallOrder.SortForUninstall(changes, c => c.Key.Kind);
            foreach (var change in removals)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await TryAsync(change, () => RemoveAsync(change, cancellationToken)).ConfigureAwait(false) && !ContinueOnError)
                {
                    return false;
                }
            }

            return true;
        }

        public async Task WriteRecordAsync(DeploymentStatus status, string message, CancellationToken cancellationToken)
        {
            if (plan.IsWithdrawal && status == DeploymentStatus.Provisioned && deployed.Count == 0)
            {
                await DeploymentRecordStore.DeleteAsync(client, plan.Profile, plan.Local ? plan.Cluster : null, cancellationToken).ConfigureAwait(false);
                return;
            }

            var objects = new Dictionary<ObjectKey, RecordedObject>(deployed);
            if (status == DeploymentStatus.Applying)
            {
                // Intent: what this run may create is listed (hash unknown) before it is created; once it was
                // interrupted, only the write that was under way may have created something.
                var mayExist = Interrupted ? (inFlight is { Desired: not null } ? [inFlight] : []) : plan.Changes.Where(c => c.Desired is not null && c.IsChange);
                foreach (var change in mayExist)
                {
                    objects.TryAdd(change.Key, RecordedObject.Of(change.Key, ""));
                }
            }

            var desired = plan.Desired;
            var inputHash = status != DeploymentStatus.Provisioned || desired is null ? "" : Declined ? plan.Previous?.InputHash ?? "" : desired.InputHash;
            var sealInputs = desired?.SealInputs == true && !RecordSeal.IsSealed(inputHash);
            var protectedObjects = objects.Values.Where(o => RecordSeal.Protects(o.Key) && (!RecordSeal.IsSealed(o.Hash) || !RecordSeal.IsSealed(o.DriftHash ?? ""))).ToList();
            if ((sealInputs && inputHash.Length > 0) || protectedObjects.Any(o => o.Hash.Length > 0 || o.DriftHash is not null))
            {
                seal = seal.HasKey ? seal : await RecordSeal.EnsureAsync(client, cancellationToken).ConfigureAwait(false);
                inputHash = sealInputs ? seal.Record(inputHash, protect: true) : inputHash;
                foreach (var entry in protectedObjects)
                {
                    objects[entry.Key] = entry with { Hash = Sealed(entry.Hash), DriftHash = entry.DriftHash is null ? null : Sealed(entry.DriftHash) };
                }
            }

            var record = new DeploymentRecord
            {
                Profile = plan.Profile,
                Cluster = plan.Cluster,
                Fleet = owner.Fleet,
                FleetDescription = owner.Description,
                Local = plan.Local,
                Tier = desired?.Tier ?? plan.Previous?.Tier ?? Tracking.DefaultTier,
                SyncMode = desired?.SyncMode ?? plan.Previous?.SyncMode ?? "Continuous",
                StopMatchingBehavior = desired?.StopMatchingBehavior ?? plan.Previous?.StopMatchingBehavior ?? "WithdrawPolicies",
                Status = status,
                Message = message,
                InputHash = inputHash,
                Sources = desired?.Sources ?? plan.Previous?.Sources ?? [],
                HelmReleases = desired is null ? plan.Previous?.HelmReleases : desired.HelmReleases.Count == 0 ? null : desired.HelmReleases,
                DriftExclusions = desired?.DriftExclusions ?? plan.Previous?.DriftExclusions,
                Objects = objects.Values.OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList(),
                Updated = DateTimeOffset.UtcNow,
            };
            await DeploymentRecordStore.SaveAsync(client, record, cancellationToken).ConfigureAwait(false);
        }

        // Entries from the previous record are sealed already; those this run made are sealed as they are written.
        private string Sealed(string hash) => RecordSeal.IsSealed(hash) ? hash : seal.Record(hash, protect: true);

        private bool ContinueOnError => plan.Desired?.ContinueOnError ?? false;

        private async Task<bool> TryAsync(PlannedChange change, Func<Task> action)
        {
            // Cancellation passes through with the change still in flight: it may or may not have happened.
            inFlight = change;
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (SveltosException ex)
            {
                inFlight = null;
                Completed++;
                Failed = true;
                FailureMessage = $"{change.Key}: {ex.Message}";
                Report(change, ObjectAction.Failed, ex.Message);
                return false;
            }

            inFlight = null;
            Completed++;
            Report(change, change.Action, change.Message);
            return true;
        }

        private async Task WriteAsync(PlannedChange change, CancellationToken cancellationToken)
        {
            var resource = await client.ResolveResourceAsync(change.Key.ApiVersion, change.Key.Kind, cancellationToken).ConfigureAwait(false);
            if (change.Live is { } current && steps.Any(s => s is { Operation: ReleaseOperation.Upgrade, Options.Force: true } && s.Owns(change)))
            {
                // upgradeOptions.force: replaced as helm upgrade --force does (what other managers set is dropped), then applied as usual.
                var replacement = (JsonObject)change.Desired!.Object.DeepClone();
                ((JsonObject)replacement["metadata"]!)["resourceVersion"] = KubeObject.ResourceVersion(current);
                await client.ReplaceAsync(resource, resource.Namespaced ? change.Key.Namespace : null, replacement, FieldManagers.Sveltos, cancellationToken).ConfigureAwait(false);
            }

            var live = await client.ApplyAsync(resource, change.Desired!.Object, FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);

            // The server's answer is the object as it now lives: its drift hash is what later checks compare with.
            var driftHash = Drift.DriftHasher.Hash(live, plan.Desired?.DriftExclusions);
            applied[change.Key] = (driftHash, KubeObject.ResourceVersion(live));
            deployed[change.Key] = RecordedObject.Of(change.Key, change.Desired.Hash, driftHash);
            written.Add(change);
        }

        private async Task RemoveAsync(PlannedChange change, CancellationToken cancellationToken)
        {
            var resource = await client.ResolveResourceAsync(change.Key.ApiVersion, change.Key.Kind, cancellationToken).ConfigureAwait(false);
            if (change.Action == ObjectAction.Released)
            {
                await client.MergePatchAsync(resource, change.Key.Namespace, change.Key.Name, UntrackPatch(), FieldManagers.Sveltos, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var propagation = steps.FirstOrDefault(s => s.Operation == ReleaseOperation.Uninstall && s.Owns(change))?.Options.DeletionPropagation ?? "Background";
                await client.DeleteAsync(resource, change.Key.Namespace, change.Key.Name, dryRun: false, cancellationToken, propagation).ConfigureAwait(false);
            }

            deployed.Remove(change.Key);
        }

        private async Task EnsureNamespacesAsync(DesiredState desired, CancellationToken cancellationToken)
        {
            if (desired.NamespacesToCreate.Count == 0)
            {
                return;
            }

            var namespaces = await client.ResolveResourceAsync("v1", "Namespace", cancellationToken).ConfigureAwait(false);
            foreach (var name in desired.NamespacesToCreate)
            {
                if (await client.GetAsync(namespaces, null, name, cancellationToken).ConfigureAwait(false) is null)
                {
                    var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
                    await client.ApplyAsync(namespaces, ns, FieldManagers.Sveltos, force: false, dryRun: false, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task WaitForKindAsync(ObjectKey key, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + CrdServeTimeout;
            while (await client.FindResourceAsync(key.ApiVersion, key.Kind, cancellationToken).ConfigureAwait(false) is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        private static JsonObject UntrackPatch()
        {
            var annotations = new JsonObject();
            foreach (var annotation in Tracking.Annotations)
            {
                annotations[annotation] = null;
            }

            return new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["labels"] = new JsonObject { [Tracking.ReasonLabel] = null },
                    ["annotations"] = annotations,
                },
            };
        }
    }
}

/// <summary>The outcome for one object of one (profile, cluster) pair.</summary>
public sealed record ObjectResult(string Cluster, ProfileRef Profile, ObjectKey Key, ObjectAction Action, string Message, PlannedChange? Change, string? Diff = null)
{
    /// <summary>True when the object lives in the management cluster (deploymentType Local).</summary>
    public bool Local { get; init; }

    /// <summary>The drift hash of the object as this apply left it (applied objects only).</summary>
    public string? DriftHash { get; init; }

    /// <summary>The object's resourceVersion after this apply (applied objects only).</summary>
    public string? ResourceVersion { get; init; }
}
