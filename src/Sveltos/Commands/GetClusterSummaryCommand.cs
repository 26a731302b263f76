using System.Management.Automation;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Sync;
using Sveltos.Infrastructure;
using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Get, "ClusterSummary")]
[OutputType(typeof(ClusterSummary))]
[OutputType(typeof(HelmReleaseSummary))]
public sealed class GetClusterSummaryCommand : ProfileClusterCmdlet
{
    /// <summary>Works on one shard of the fleet's clusters ("2/8"), as one job of a CI matrix.</summary>
    [Parameter]
    [ValidateNotNull]
    public FleetShard? Shard { get; set; }

    internal override FleetShard? ShardOfCall => Shard;

    /// <summary>List the Helm releases the profiles' helmCharts installed instead of the profiles.</summary>
    [Parameter]
    public SwitchParameter HelmRelease { get; set; }

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        var progress = new ProgressRecord(1, "Get-ClusterSummary", "Reading deployment records");
        try
        {
            WriteProgress(progress);
            if (SelectClusters(opened) is not { } clusters)
            {
                return;
            }

            var selection = Profiles;
            var deployed = new List<string>();
            RunOffPipeline(async (pump, token) =>
            {
                var records = await DeployedAddOns.ListAsync(clusters, 16, (cluster, error) => pump.Post(() => WriteError(ErrorRecords.AboutCluster(error, cluster.ToString())), token), token).ConfigureAwait(false);
                deployed.AddRange(records.Select(r => ProfileRefs.Identity(r.Record.Profile)));
                var helmReleases = HelmRelease.IsPresent;
                foreach (var (cluster, record) in records.Where(r => selection.Matches(r.Record.Profile)))
                {
                    if (helmReleases)
                    {
                        foreach (var release in record.HelmReleases ?? [])
                        {
                            var row = new HelmReleaseSummary(cluster.ToString(), ProfileRefs.Identity(record.Profile), release, record.Updated);
                            pump.Post(() => WriteObject(row), token);
                        }

                        continue;
                    }

                    var summary = new ClusterSummary(
                        cluster.ToString(),
                        ProfileRefs.Identity(record.Profile),
                        record.Status.ToString(),
                        record.SyncMode,
                        record.Tier,
                        record.Updated,
                        record.Message,
                        record.Objects.Select(o => o.Key.ToString()).ToList())
                    {
                        Fleet = record.Fleet ?? "",
                        HelmReleases = (record.HelmReleases ?? []).Select(r => $"{r.Namespace}/{r.Name} ({r.Chart}-{r.ChartVersion}, revision {r.Revision})").ToList(),
                    };
                    pump.Post(() => WriteObject(summary), token);
                }
            });
            ReportUnknownProfiles(opened, () => deployed);
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
