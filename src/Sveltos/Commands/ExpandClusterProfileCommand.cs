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
    private readonly List<SveltosCluster> givenClusters = [];
    private readonly List<ClusterProfile> givenProfiles = [];

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ProfileSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ClusterProfile[] Profile { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ProfileNameCompleter))]
    public string[] Name { get; set; } = [];

    [Parameter(ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNull]
    [ClusterArgument]
    [ArgumentCompleter(typeof(Completers.ClusterNameCompleter))]
    public SveltosCluster[]? Cluster { get; set; }

    protected override void ProcessRecord()
    {
        givenClusters.AddRange(Cluster ?? []);
        givenProfiles.AddRange(Profile);
    }

    protected override void EndProcessing()
    {
        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        try
        {
            var profiles = (ParameterSetName == ProfileSet
                    ? givenProfiles.Distinct().Select(ProfileMapper.ToDocument).ToList()
                    : new ProfileSelection(Name).Select(this, Await(opened.GetProfilesAsync), opened.Description, "cannot be expanded"))
                .OrderBy(p => p.Identity, StringComparer.Ordinal)
                .ToList();
            var named = ResolveClusters(opened, givenClusters);
            var clusters = (named ?? Await(opened.GetClustersAsync)).OrderBy(c => c.ToString(), StringComparer.Ordinal).ToList();
            RunOffPipeline(async (pump, token) =>
            {
                foreach (var cluster in clusters)
                {
                    // Clusters given explicitly are rendered whether or not they match; otherwise, those the profile reaches.
                    foreach (var profile in profiles.Where(p => named is not null || (cluster.Eligible && ProfileMatcher.Matches(p, cluster))))
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
                pump.Post(() => WriteWarning(ErrorRecords.Located($"pending: {reason}", cluster.ToString(), profile.Identity)), token);
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
            pump.Post(() => WriteWarning(ErrorRecords.Located($"pending: {pending.Message}", cluster.ToString(), profile.Identity)), token);
        }
        catch (SveltosException ex)
        {
            pump.Post(() => WriteError(ErrorRecords.AboutCluster(ex, cluster.ToString(), profile.Identity)), token);
        }
    }
}
