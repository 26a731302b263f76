using System.Collections.Concurrent;
using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsDiagnostic.Test, "Drift")]
[OutputType(typeof(DriftResult), typeof(bool))]
public sealed class TestDriftCommand : FleetCmdlet
{
    private readonly List<string> clusterKeys = [];

    /// <summary>Profile names to check (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Profile { get; set; }

    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public SveltosCluster[]? Cluster { get; set; }

    /// <summary>Returns only $true (something drifted) or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = 16;

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
        var progress = new ProgressRecord(1, "Test-Drift", "Comparing live objects with their deployment records");
        var drifted = 0;
        try
        {
            WriteProgress(progress);
            RunOffPipeline(async (pump, token) =>
            {
                var clusters = (await opened.GetClustersAsync(token).ConfigureAwait(false))
                    .Where(c => clusterKeys.Count == 0 || clusterKeys.Contains(c.ToString()))
                    .ToList();
                var done = 0;
                await Parallel.ForEachAsync(
                    clusters,
                    new ParallelOptions { MaxDegreeOfParallelism = ThrottleLimit, CancellationToken = token },
                    async (cluster, clusterToken) =>
                    {
                        try
                        {
                            var findings = await CheckClusterAsync(opened, cluster, pump, clusterToken).ConfigureAwait(false);
                            Interlocked.Add(ref drifted, findings.Count);
                            if (!Quiet)
                            {
                                foreach (var finding in findings)
                                {
                                    pump.Post(() => WriteObject(DriftOutput.Detected(finding)), token);
                                }
                            }
                        }
                        catch (SveltosException ex)
                        {
                            pump.Post(() => WriteError(ErrorRecords.From(ex, cluster.ToString())), token);
                        }

                        var completed = Interlocked.Increment(ref done);
                        pump.Post(() => WriteVerbose($"{cluster}: checked ({completed} of {clusters.Count})."), token);
                    }).ConfigureAwait(false);
            });
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
            WriteObject(drifted > 0);
        }
    }

    private async Task<IReadOnlyList<DriftFinding>> CheckClusterAsync(IFleet fleet, FleetCluster cluster, PipelinePump pump, CancellationToken token)
    {
        using var client = KubeClientFactory.Create(await cluster.Connection.ResolveAsync(token).ConfigureAwait(false));
        var (findings, notChecked) = await DriftCheck.CheckAsync(client, cluster.ToString(), p => NameFilter.Matches(Profile, p.Name), token).ConfigureAwait(false);
        foreach (var group in notChecked.GroupBy(u => (u.Profile, u.Reason)))
        {
            var message = $"{cluster}: {group.Count()} object(s) of {ProfileRefs.Identity(group.Key.Profile)} cannot be checked for drift: {group.Key.Reason}.";
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
