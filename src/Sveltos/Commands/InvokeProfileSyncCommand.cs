using System.Management.Automation;
using System.Threading.Channels;
using Sveltos.Completers;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Sync;
using Sveltos.Infrastructure;
using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Commands;

[Cmdlet(VerbsLifecycle.Invoke, "ProfileSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SyncResult), typeof(SyncSummary), typeof(DriftResult))]
public sealed class InvokeProfileSyncCommand : FleetCmdlet
{
    /// <summary>Works on one shard of the fleet's clusters ("2/8"), as one job of a CI matrix.</summary>
    [Parameter]
    [ValidateNotNull]
    public FleetShard? Shard { get; set; }

    internal override FleetShard? ShardOfCall => Shard;

    private const string Activity = "Invoke-ProfileSync";
    private readonly List<SveltosCluster> givenClusters = [];
    private readonly RoundRepeats repeats = new();
    private HashSet<string>? clusterKeys;
    private bool classifiers;
    private bool watching;
    private readonly List<ClusterProfile> pipedProfiles = [];

    /// <summary>Profiles of the fleet to sync, by name (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Profile files to sync instead of the fleet's profiles.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Profiles to sync, e.g. from New-ClusterProfile or Import-ClusterProfile.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public ClusterProfile[]? Profile { get; set; }

    [Parameter(ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNull]
    [ClusterArgument]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    public SveltosCluster[]? Cluster { get; set; }

    [Parameter]
    public SwitchParameter Summary { get; set; }

    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = 16;

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int DeletionThreshold { get; set; } = 25;

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Does not run the fleet's classifiers before syncing.</summary>
    [Parameter]
    public SwitchParameter SkipClassification { get; set; }

    /// <summary>Keeps running: re-syncs whenever the fleet changes, until Ctrl+C or -Timeout.</summary>
    [Parameter]
    public SwitchParameter Watch { get; set; }

    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan? Timeout { get; set; }

    /// <summary>With -Watch: how often classifiers are re-evaluated (a cluster's version or objects change without a fleet event).</summary>
    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan ClassificationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>With -Watch: also watches the deployed objects and undoes drift (as Watch-Drift -Remediate).</summary>
    [Parameter]
    public SwitchParameter DriftDetection { get; set; }

    // Held by each sync round and by each drift remediation: the two never write a record at once.
    private readonly SemaphoreSlim syncGate = new(1, 1);

    // Drift reports made while a round holds the pipeline; written when the watch waits again.
    private readonly Channel<Action> driftOutput = Channel.CreateUnbounded<Action>();

    protected override void ProcessRecord()
    {
        pipedProfiles.AddRange(Profile ?? []);
        givenClusters.AddRange(Cluster ?? []);
    }

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        if (!SelectClusters(opened))
        {
            return;
        }

        if (!Watch)
        {
            if (DriftDetection)
            {
                WriteWarning("-DriftDetection takes effect with -Watch; use Test-Drift for a one-shot check.");
            }

            SyncOnce(opened, () => Request(opened), stopOnError: true);
            return;
        }

        if (ClassificationInterval < TimeSpan.FromSeconds(1))
        {
            ThrowTerminatingError(ErrorRecords.Create(
                "InvalidClassificationInterval",
                ErrorCategory.InvalidArgument,
                $"-ClassificationInterval must be at least 1 second; {ClassificationInterval.TotalSeconds} was given.",
                ClassificationInterval,
                "Pass a number of seconds, e.g. -ClassificationInterval 30."));
        }

        watching = true;
        WatchFleet(fleet, opened);
    }

    // While watching, a round repeats what is still wrong only in verbose text: each round prints what changed.
    internal override bool Repeated(string report)
    {
        if (!watching || repeats.IsNew(report))
        {
            return false;
        }

        WriteVerbose($"Still the case: {report}");
        return true;
    }

    /// <summary>Resolves -Cluster once; false when clusters were named and none of them exists: nothing is synced, rather than everything.</summary>
    private bool SelectClusters(IFleet fleet)
    {
        try
        {
            clusterKeys = ResolveClusters(fleet, givenClusters)?.Select(c => c.ToString()).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }

        return clusterKeys is not { Count: 0 };
    }

    // Built per round: while watching, profiles added to or changed in the fleet must be seen.
    private SyncRequest Request(IFleet fleet) => new()
    {
        Profiles = SelectProfiles(fleet),
        Clusters = clusterKeys,
        ThrottleLimit = ThrottleLimit,
        DeletionThreshold = DeletionThreshold,
        Force = Force,
    };

    private void WatchFleet(SveltosFleet target, IFleet watched)
    {
        var deadline = Timeout is { } timeout ? DateTime.UtcNow + timeout : DateTime.MaxValue;
        using var feed = FleetChangeFeed.Subscribe(watched);
        using var drift = new DriftRun(this, target);
        while (true)
        {
            // Each round reads the fleet afresh; the watched instance only reports changes.
            using (var fleet = OpenFleet(target))
            {
                Await(syncGate.WaitAsync);
                try
                {
                    SyncOnce(fleet, () => Request(fleet), stopOnError: false);
                }
                finally
                {
                    syncGate.Release();
                }

                if (DriftDetection)
                {
                    drift.Follow(Await(fleet.GetClustersAsync), Await(fleet.GetIdentityAsync)?.Name);
                }

                try
                {
                    feed.WatchTemplateResources(Await(fleet.GetProfilesAsync).Profiles);
                }
                catch (Exception ex) when (ex is not PipelineStoppedException)
                {
                    WriteError(ErrorRecords.From(ex, fleet.Description));
                }
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            WriteVerbose($"Watching {watched.Description} for changes.");
            string? change = null;
            RunOffPipeline(async (pump, token) =>
            {
                // Drift reports reach the pipeline while the watch waits for the next fleet change.
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(token);
                var relay = RelayDriftOutputAsync(pump, waiting.Token);
                try
                {
                    // A cluster's version or resources change without a fleet event: classifiers are re-evaluated on a timer.
                    var wait = classifiers && remaining > ClassificationInterval ? ClassificationInterval : remaining < TimeSpan.FromDays(1) ? remaining : TimeSpan.FromDays(1);
                    change = await feed.WaitAsync(wait, TimeSpan.FromMilliseconds(300), token).ConfigureAwait(false);
                }
                finally
                {
                    await waiting.CancelAsync().ConfigureAwait(false);
                    await relay.ConfigureAwait(false);
                }
            });
            if (change is null && DateTime.UtcNow >= deadline)
            {
                return;
            }

            if (change is not null)
            {
                WriteVerbose($"Changed: {change}; syncing.");
            }
        }
    }

    private async Task RelayDriftOutputAsync(PipelinePump pump, CancellationToken cancellationToken)
    {
        try
        {
            while (await driftOutput.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (driftOutput.Reader.TryRead(out var action))
                {
                    pump.Post(action, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            syncGate.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The drift watch of -DriftDetection: runs beside the fleet watch over the fleet's clusters (started
    /// again when they change), remediating through the same sync path, one write at a time with the rounds.
    /// </summary>
    private sealed class DriftRun(InvokeProfileSyncCommand command, SveltosFleet target) : IDisposable
    {
        private HashSet<string> clusters = new(StringComparer.Ordinal);
        private CancellationTokenSource? stop;
        private Task running = Task.CompletedTask;

        /// <param name="identity">The fleet's identity: its deployments are the ones watched.</param>
        public void Follow(IReadOnlyList<FleetCluster> fleetClusters, string? identity)
        {
            var selected = fleetClusters.Where(c => command.clusterKeys is null || command.clusterKeys.Contains(c.ToString())).ToList();
            var keys = selected.Select(c => c.ToString()).ToHashSet(StringComparer.Ordinal);
            if (stop is not null && keys.SetEquals(clusters))
            {
                return;
            }

            Stop();
            clusters = keys;
            stop = CancellationTokenSource.CreateLinkedTokenSource(command.CancelToken);
            var whatIf = command.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && value is SwitchParameter { IsPresent: true };
            var observer = new PipelineDriftObserver(command, action => command.driftOutput.Writer.TryWrite(action), 0, !whatIf, null);
            var remediator = whatIf ? null : new FleetDriftRemediator(() => FleetConnections.Target(target).Open(), command.syncGate);
            var watcher = new DriftWatcher(selected, observer, remediator, new DriftWatchOptions { Fleet = identity });
            var token = stop.Token;
            running = Task.Run(() => watcher.RunAsync(token));
            command.WriteVerbose($"Watching {selected.Count} cluster(s) for drift{(whatIf ? "" : ", remediating")}.");
        }

        public void Dispose() => Stop();

        private void Stop()
        {
            if (stop is null)
            {
                return;
            }

            stop.Cancel();
            running.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(5));
            stop.Dispose();
            stop = null;
        }
    }

    /// <summary>
    /// Runs the fleet's classifiers first, so profiles selecting classifier labels reach exactly the
    /// clusters whose live state matches now. Each label change is confirmed like any other change.
    /// </summary>
    /// <returns>True when the fleet has classifiers, or labels of removed ones are still to be withdrawn.</returns>
    private bool Classify(IFleet fleet)
    {
        if (SkipClassification || fleet.IsReadOnly
            || (Await(fleet.GetClassifiersAsync).Classifiers.Count == 0 && !Await(fleet.GetClustersAsync).Any(c => LabelOwnership.Read(c).Count > 0)))
        {
            return false;
        }

        var plan = Await(token => Classification.PlanAsync(fleet, new ClassificationOptions { Parallelism = ThrottleLimit }, null, token));
        var approved = plan.Changes.Where(c => ShouldProcess($"{c.Cluster} in {fleet.Description}", c.Describe())).ToHashSet();
        var outcome = Await(token => Classification.ApplyAsync(fleet, plan, approved.Contains, null, token));
        foreach (var change in outcome.Applied)
        {
            WriteVerbose($"Classified {change.Cluster}: {change.Describe()}.");
        }

        foreach (var failure in outcome.Failures)
        {
            WriteError(ErrorRecords.AboutCluster(failure.Error, failure.Cluster.ToString()));
        }

        return true;
    }

    private void SyncOnce(IFleet fleet, Func<SyncRequest> buildRequest, bool stopOnError)
    {
        SyncPlan? plan = null;
        var written = 0;
        try
        {
            classifiers = Classify(fleet);
            var request = buildRequest();
            RunOffPipeline(async (pump, token) =>
                plan = await FleetSync.PlanAsync(fleet, request, Observer(pump, token), token).ConfigureAwait(false));

            var approved = new HashSet<PlannedChange>();
            var whatIf = false;
            foreach (var (applyPlan, change) in plan!.Changes)
            {
                var description = $"{Verb(change.Action)} {change.Key} on cluster {applyPlan.Cluster} ({ProfileRefs.Identity(applyPlan.Profile)})";
                if (ShouldProcess(description, description + "?", "Invoke-ProfileSync", out var reason))
                {
                    approved.Add(change);
                }

                whatIf |= reason == ShouldProcessReason.WhatIf;
            }

            RunOffPipeline(async (pump, token) =>
            {
                var observer = Observer(pump, token);
                await observer.RunAsync(o => whatIf
                    ? plan.ReportPlannedAsync(o, token)
                    : plan.ApplyAsync((_, change) => approved.Contains(change), o, token)).ConfigureAwait(false);
                written = observer.Written;
            });
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            // While watching, one failed round is reported and the next change is awaited.
            if (stopOnError)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
            }

            WriteError(ErrorRecords.From(ex, fleet.Description));
        }
        finally
        {
            plan?.Dispose();
            WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            if (watching)
            {
                WriteVerbose(written == 0 ? "This round changed nothing." : $"This round: {written} change(s).");
                repeats.NextRound();
            }
        }
    }

    private PipelineSyncObserver Observer(PipelinePump pump, CancellationToken token) =>
        new(this, pump, new SyncOutputOptions(Summary, ChangesOnly: watching), Activity, token);

    private List<ClusterProfileDocument>? SelectProfiles(IFleet fleet)
    {
        if (pipedProfiles.Count > 0)
        {
            return pipedProfiles.Distinct().Select(ProfileMapper.ToDocument).ToList();
        }

        if (Path is not null)
        {
            var imported = new List<ClusterProfileDocument>();
            foreach (var file in Path.SelectMany(p => SessionState.Path.GetResolvedProviderPathFromPSPath(p, out _)))
            {
                foreach (var result in ProfileImporter.ImportFile(file))
                {
                    if (result.Profile is { } profile)
                    {
                        imported.Add(profile);
                    }
                    else if (result.Outcome == ImportOutcome.Invalid)
                    {
                        // A profile that does not load must stop the sync: syncing without it could withdraw what it deployed.
                        var problem = result.Problems[0];
                        ThrowTerminatingError(
                            ErrorRecords.Create(problem.ErrorId, ErrorCategory.InvalidData, string.Join(Environment.NewLine, result.Problems.Select(p => p.Message)), file, "Fix the profile file; nothing was synced."),
                            ProfileProblems.Annotations(this, result.Problems));
                    }
                }
            }

            return imported;
        }

        if (Name is null)
        {
            return null;
        }

        return new ProfileSelection(Name).Select(this, Await(fleet.GetProfilesAsync), fleet.Description, "was not synced");
    }

    private static string Verb(ObjectAction action) => action switch
    {
        ObjectAction.Created => "Create",
        ObjectAction.Updated => "Update",
        ObjectAction.Deleted => "Delete",
        ObjectAction.Adopted => "Adopt",
        ObjectAction.Released => "Release (untrack)",
        _ => action.ToString(),
    };
}
