using System.Management.Automation;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Deploy.Releases;
using Sveltos.Engine.Sync;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

/// <summary>
/// helm test for the Helm releases the profiles' helmCharts installed: runs each deployed release's test hooks on
/// its clusters and reports each test; a failed test is an error naming the cluster, the release and the hook.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "HelmRelease", SupportsShouldProcess = true)]
[OutputType(typeof(HelmTestResult))]
public sealed class TestHelmReleaseCommand : ProfileClusterCmdlet
{
    /// <summary>Release names to test (wildcards allowed); all releases of the selected profiles when omitted.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ReleaseName { get; set; }

    /// <summary>How long each test may run (seconds, or a TimeSpan); 5 minutes, Helm's default, when omitted.</summary>
    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan? Timeout { get; set; }

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        var progress = new ProgressRecord(1, "Test-HelmRelease", "Running the releases' test hooks");
        try
        {
            WriteProgress(progress);
            if (SelectClusters(opened) is not { } clusters)
            {
                return;
            }

            var selection = Profiles;
            var names = (ReleaseName ?? ["*"]).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var unreachable = new System.Collections.Concurrent.ConcurrentQueue<ErrorRecord>();
            var records = Await(token => DeployedAddOns.ListAsync(clusters, 16, (cluster, error) => unreachable.Enqueue(ErrorRecords.AboutCluster(error, cluster.ToString())), token));
            foreach (var error in unreachable)
            {
                WriteError(error);
            }

            var targets = records
                .Where(r => selection.Matches(r.Record.Profile))
                .SelectMany(r => (r.Record.HelmReleases ?? []).Where(release => names.Any(n => n.IsMatch(release.Name))).Select(release => new ReleaseTestTarget(r.Cluster, r.Record, release)))
                .Where(t => ShouldProcess($"release {t.Release.Namespace}/{t.Release.Name} on {t.Cluster}", "Run the release's test hooks"))
                .ToList();
            ReportUnknownProfiles(opened, () => records.Select(r => ProfileRefs.Identity(r.Record.Profile)).ToList());
            var timeout = Timeout ?? HelmReleaseOptions.DefaultTimeout;
            var done = 0;
            RunOffPipeline(async (pump, token) =>
            {
                await ReleaseTests.RunAsync(
                    targets,
                    timeout,
                    outcome => pump.Post(() =>
                    {
                        progress.StatusDescription = $"{++done} of the tests of {targets.Count} release(s) run; last: {outcome.Namespace}/{outcome.Release} on {outcome.Cluster}";
                        WriteProgress(progress);
                        WriteObject(new HelmTestResult(outcome));
                    }, token),
                    (cluster, error) => pump.Post(() => WriteError(ErrorRecords.AboutCluster(error, cluster.ToString())), token),
                    token).ConfigureAwait(false);
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
