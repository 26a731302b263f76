using System.Management.Automation;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Sync;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Get, "ClusterSummary")]
[OutputType(typeof(ClusterSummary))]
public sealed class GetClusterSummaryCommand : FleetCmdlet
{
    private readonly List<string> clusterKeys = [];

    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public SveltosCluster[]? Cluster { get; set; }

    /// <summary>Profile names to show (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Profile { get; set; }

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
        var progress = new ProgressRecord(1, "Get-ClusterSummary", "Reading deployment records");
        try
        {
            WriteProgress(progress);
            RunOffPipeline(async (pump, token) =>
            {
                var clusters = (await opened.GetClustersAsync(token).ConfigureAwait(false))
                    .Where(c => clusterKeys.Count == 0 || clusterKeys.Contains(c.ToString()))
                    .ToList();
                var records = await DeployedAddOns.ListAsync(clusters, 16, (cluster, error) => pump.Post(() => WriteError(ErrorRecords.From(error, cluster.ToString())), token), token).ConfigureAwait(false);
                foreach (var (cluster, record) in records.Where(r => NameFilter.Matches(Profile, r.Record.Profile.Name)))
                {
                    var summary = new ClusterSummary(
                        cluster.ToString(),
                        ProfileRefs.Identity(record.Profile),
                        record.Status.ToString(),
                        record.SyncMode,
                        record.Tier,
                        record.Updated,
                        record.Message,
                        record.Objects.Select(o => o.Key.ToString()).ToList()) { Fleet = record.Fleet ?? "" };
                    pump.Post(() => WriteObject(summary), token);
                }
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
    }
}
