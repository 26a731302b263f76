using System.Management.Automation;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Sync;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsLifecycle.Invoke, "ProfileSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SyncResult), typeof(SyncSummary))]
public sealed class InvokeProfileSyncCommand : FleetCmdlet
{
    private const string Activity = "Invoke-ProfileSync";
    private readonly List<string> clusterKeys = [];
    private readonly List<ClusterProfile> pipedProfiles = [];

    /// <summary>Profiles of the fleet to sync, by name (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
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
    [ValidateNotNull]
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

    /// <summary>Keeps running: re-syncs whenever the fleet changes, until Ctrl+C or -Timeout.</summary>
    [Parameter]
    public SwitchParameter Watch { get; set; }

    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan? Timeout { get; set; }

    protected override void ProcessRecord()
    {
        pipedProfiles.AddRange(Profile ?? []);
        foreach (var cluster in Cluster ?? [])
        {
            clusterKeys.Add(cluster.ToString());
        }
    }

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        if (!Watch)
        {
            SyncOnce(opened, () => Request(opened), stopOnError: true);
            return;
        }

        WatchFleet(fleet, opened);
    }

    // Built per round: while watching, profiles added to or changed in the fleet must be seen.
    private SyncRequest Request(IFleet fleet) => new()
    {
        Profiles = SelectProfiles(fleet),
        Clusters = clusterKeys.Count > 0 ? clusterKeys.ToHashSet(StringComparer.Ordinal) : null,
        ThrottleLimit = ThrottleLimit,
        DeletionThreshold = DeletionThreshold,
        Force = Force,
    };

    private void WatchFleet(SveltosFleet target, IFleet watched)
    {
        var deadline = Timeout is { } timeout ? DateTime.UtcNow + timeout : DateTime.MaxValue;
        using var feed = FleetChangeFeed.Subscribe(watched);
        while (true)
        {
            // Each round reads the fleet afresh; the watched instance only reports changes.
            using (var fleet = OpenFleet(target))
            {
                SyncOnce(fleet, () => Request(fleet), stopOnError: false);
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
            var change = Await(token => feed.WaitAsync(remaining < TimeSpan.FromDays(1) ? remaining : TimeSpan.FromDays(1), TimeSpan.FromMilliseconds(300), token));
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

    private void SyncOnce(IFleet fleet, Func<SyncRequest> buildRequest, bool stopOnError)
    {
        SyncPlan? plan = null;
        try
        {
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

            RunOffPipeline((pump, token) => whatIf
                ? plan.ReportPlannedAsync(Observer(pump, token), token)
                : plan.ApplyAsync((_, change) => approved.Contains(change), Observer(pump, token), token));
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
        }
    }

    private PipelineSyncObserver Observer(PipelinePump pump, CancellationToken token) => new(this, pump, Summary, Activity, token);

    private List<ClusterProfileDocument>? SelectProfiles(IFleet fleet)
    {
        if (pipedProfiles.Count > 0)
        {
            return pipedProfiles.Select(ProfileMapper.ToDocument).ToList();
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
                        ThrowTerminatingError(ErrorRecords.Create(problem.ErrorId, ErrorCategory.InvalidData, string.Join(Environment.NewLine, result.Problems.Select(p => p.Message)), file, "Fix the profile file; nothing was synced."));
                    }
                }
            }

            return imported;
        }

        if (Name is null)
        {
            return null;
        }

        var profiles = Await(fleet.GetProfilesAsync).Profiles;
        var selected = profiles.Where(p => NameFilter.Matches(Name, p.Name)).ToList();
        foreach (var missing in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && profiles.All(p => p.Name != n)))
        {
            WriteError(ErrorRecords.Create("ProfileNotFound", ErrorCategory.ObjectNotFound, $"Profile '{missing}' is not in {fleet.Description}.", missing, "Run Get-ClusterProfile to list the profiles."));
        }

        return selected;
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
