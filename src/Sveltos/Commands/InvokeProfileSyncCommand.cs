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

    /// <summary>Profiles of the fleet to sync, by name (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Profile files to sync instead of the fleet's profiles.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

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

    protected override void ProcessRecord()
    {
        foreach (var cluster in Cluster ?? [])
        {
            clusterKeys.Add(cluster.ToString());
        }
    }

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        var request = new SyncRequest
        {
            Profiles = SelectProfiles(opened),
            Clusters = clusterKeys.Count > 0 ? clusterKeys.ToHashSet(StringComparer.Ordinal) : null,
            ThrottleLimit = ThrottleLimit,
            DeletionThreshold = DeletionThreshold,
            Force = Force,
        };
        SyncOnce(opened, request);
    }

    private void SyncOnce(IFleet fleet, SyncRequest request)
    {
        SyncPlan? plan = null;
        try
        {
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
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
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
