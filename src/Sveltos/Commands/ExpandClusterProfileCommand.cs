using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Content;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Sync;
using Sveltos.Engine.Yaml;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsData.Expand, "ClusterProfile", DefaultParameterSetName = ProfileSet)]
[OutputType(typeof(RenderedObject))]
public sealed class ExpandClusterProfileCommand : FleetCmdlet
{
    private const string ProfileSet = "Profile";
    private const string NameSet = "Name";
    private readonly List<string> clusterKeys = [];

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ProfileSet)]
    [ValidateNotNull]
    public ClusterProfile[] Profile { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ProfileNameCompleter))]
    public string[] Name { get; set; } = [];

    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public SveltosCluster[]? Cluster { get; set; }

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
        try
        {
            var profiles = ParameterSetName == ProfileSet
                ? Profile.Select(ProfileMapper.ToDocument).ToList()
                : Await(opened.GetProfilesAsync).Profiles.Where(p => NameFilter.Matches(Name, p.Name)).ToList();
            var clusters = Await(opened.GetClustersAsync);
            RunOffPipeline(async (pump, token) =>
            {
                foreach (var profile in profiles)
                {
                    // Clusters given explicitly are rendered whether or not they match; otherwise, those the profile reaches.
                    var targets = clusterKeys.Count > 0
                        ? clusters.Where(c => clusterKeys.Contains(c.ToString())).ToList()
                        : clusters.Where(c => c.Eligible && ProfileMatcher.Matches(profile, c)).ToList();
                    foreach (var cluster in targets)
                    {
                        await ExpandAsync(profile, cluster, opened, pump, token).ConfigureAwait(false);
                    }
                }
            });
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }
    }

    private async Task ExpandAsync(ClusterProfileDocument profile, FleetCluster cluster, IFleet fleet, PipelinePump pump, CancellationToken token)
    {
        try
        {
            var content = await ContentPipeline.ResolveAsync(profile, cluster, fleet, _ => Task.FromResult(cluster.RecordedVersion), token).ConfigureAwait(false);
            foreach (var reason in content.Pending.Values)
            {
                pump.Post(() => WriteWarning($"Pending: {reason}"), token);
            }

            foreach (var item in content.Objects)
            {
                var rendered = new RenderedObject(
                    cluster.ToString(),
                    profile.Identity,
                    item.Target.ToString(),
                    KubeObject.ApiVersion(item.Object),
                    KubeObject.Kind(item.Object),
                    KubeObject.Namespace(item.Object),
                    KubeObject.Name(item.Object),
                    item.Source.ToString(),
                    YamlText.FromJson(SecretRedactor.Redact(item.Object)));
                pump.Post(() => WriteObject(rendered), token);
            }
        }
        catch (PendingException pending)
        {
            pump.Post(() => WriteWarning($"Pending: {pending.Message}"), token);
        }
        catch (SveltosException ex)
        {
            pump.Post(() => WriteError(ErrorRecords.From(ex, $"{profile.Identity} on {cluster}")), token);
        }
    }
}
