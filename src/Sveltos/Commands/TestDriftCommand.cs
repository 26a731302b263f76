using System.Collections.Concurrent;
using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Infrastructure;
using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Commands;

[Cmdlet(VerbsDiagnostic.Test, "Drift")]
[OutputType(typeof(DriftResult), typeof(bool))]
public sealed class TestDriftCommand : ProfileClusterCmdlet
{
    /// <summary>Works on one shard of the fleet's clusters ("2/8"), as one job of a CI matrix.</summary>
    [Parameter]
    [ValidateNotNull]
    public FleetShard? Shard { get; set; }

    internal override FleetShard? ShardOfCall => Shard;

    /// <summary>Returns only $true (something drifted) or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = 16;

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        var progress = new ProgressRecord(1, "Test-Drift", "Comparing live objects with their deployment records");
        var findings = new ConcurrentBag<DriftFinding>();
        var deployed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var selection = Profiles;
        var unknown = false;
        string? identity = null;
        try
        {
            WriteProgress(progress);
            if (SelectClusters(opened) is not { } clusters)
            {
                return;
            }

            // With a fleet, its own deployments (and those from before fleets had identities); without one, every record.
            identity = Await(opened.GetIdentityAsync)?.Name;

            RunOffPipeline(async (pump, token) =>
            {
                var done = 0;
                await Parallel.ForEachAsync(
                    clusters,
                    new ParallelOptions { MaxDegreeOfParallelism = ThrottleLimit, CancellationToken = token },
                    async (cluster, clusterToken) =>
                    {
                        try
                        {
                            bool Selected(ProfileRef profile)
                            {
                                deployed.TryAdd(ProfileRefs.Identity(profile), true);
                                return selection.Matches(profile);
                            }

                            foreach (var finding in await CheckClusterAsync(opened, cluster, Selected, identity, pump, clusterToken).ConfigureAwait(false))
                            {
                                findings.Add(finding);
                            }
                        }
                        catch (SveltosException ex)
                        {
                            pump.Post(() => WriteError(ErrorRecords.AboutCluster(ex, cluster.ToString())), token);
                        }

                        var completed = Interlocked.Increment(ref done);
                        pump.Post(() => WriteVerbose($"{cluster}: checked ({completed} of {clusters.Count})."), token);
                    }).ConfigureAwait(false);
            });
            unknown = ReportUnknownProfiles(opened, () => deployed.Keys.ToList());
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        if (Quiet)
        {
            // A profile that does not exist has no answer: $false would read as "no drift".
            if (!unknown)
            {
                WriteObject(!findings.IsEmpty);
            }

            return;
        }

        foreach (var finding in DriftOutput.InOrder(findings))
        {
            WriteObject(DriftOutput.Detected(finding));
        }
    }

    private async Task<IReadOnlyList<DriftFinding>> CheckClusterAsync(IFleet fleet, FleetCluster cluster, Func<ProfileRef, bool> selected, string? identity, PipelinePump pump, CancellationToken token)
    {
        using var client = KubeClientFactory.Create(await cluster.Connection.ResolveAsync(token).ConfigureAwait(false));
        var (findings, notChecked) = await DriftCheck.CheckAsync(client, cluster.ToString(), selected, token, identity).ConfigureAwait(false);
        foreach (var group in notChecked.GroupBy(u => (u.Profile, u.Reason)))
        {
            var message = ErrorRecords.Located($"{group.Count()} object(s) cannot be checked for drift: {group.Key.Reason}.", cluster.ToString(), ProfileRefs.Identity(group.Key.Profile));
            pump.Post(() => WriteWarning(message), token);
        }

        if (Quiet || findings.Count == 0)
        {
            return findings;
        }

        // The diff is what remediation would revert: the profile re-rendered and dry-run against the live object.
        var withDiffs = new List<DriftFinding>();
        foreach (var group in findings.GroupBy(f => f.Profile))
        {
            IReadOnlyDictionary<ObjectKey, string> diffs;
            try
            {
                diffs = await DriftDiffs.ComputeAsync(fleet, cluster.ToString(), group.Key, group.Select(f => f.Key).ToHashSet(), token).ConfigureAwait(false);
            }
            catch (SveltosException ex)
            {
                pump.Post(() => WriteVerbose($"{cluster}: no diff for {ProfileRefs.Identity(group.Key)}: {ex.Message}"), token);
                diffs = new Dictionary<ObjectKey, string>();
            }

            withDiffs.AddRange(group.Select(f => diffs.TryGetValue(f.Key, out var diff) ? f with { Diff = diff } : f));
        }

        return withDiffs;
    }
}
