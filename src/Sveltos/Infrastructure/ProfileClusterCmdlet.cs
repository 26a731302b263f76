using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Fleet;

namespace Sveltos.Infrastructure;

/// <summary>
/// Base of the cmdlets that read what profiles deployed where (Test-Drift, Watch-Drift, Get-ClusterSummary):
/// -Profile and -Cluster by name (wildcards allowed), as objects, or from the pipeline (clusters by value,
/// profiles from Get-ClusterProfile by their Identity), resolved against the fleet the same way in each.
/// </summary>
public abstract class ProfileClusterCmdlet : FleetCmdlet
{
    private readonly List<string> profiles = [];
    private readonly List<SveltosCluster> clusters = [];

    /// <summary>Profile names or identities (wildcards allowed).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Identity")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string[]? Profile { get; set; }

    [Parameter(ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNull]
    [ClusterArgument]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    public SveltosCluster[]? Cluster { get; set; }

    internal ProfileSelection Profiles => new(profiles.Distinct(StringComparer.Ordinal).ToList());

    protected override void ProcessRecord()
    {
        profiles.AddRange(Profile ?? []);
        clusters.AddRange(Cluster ?? []);
    }

    /// <summary>The clusters to read: all, or those -Cluster names; null when it names clusters and none exists.</summary>
    internal IReadOnlyList<FleetCluster>? SelectClusters(IFleet fleet)
    {
        var all = Await(fleet.GetClustersAsync);
        var named = ClusterResolver.Resolve(this, all, clusters, fleet.Description);
        return named is { Count: 0 } ? null : named ?? all;
    }

    /// <summary>
    /// Reports the -Profile names that name no profile of the fleet and none that <paramref name="deployed"/> found
    /// on the clusters (a profile since removed from the fleet may still have deployed something, and can still be
    /// read); true when there was one. <paramref name="deployed"/> is asked only when the fleet does not have them all.
    /// </summary>
    internal bool ReportUnknownProfiles(IFleet fleet, Func<IReadOnlyCollection<string>> deployed)
    {
        var selection = Profiles;
        if (selection.Everything)
        {
            return false;
        }

        var fleetProfiles = Await(fleet.GetProfilesAsync);
        var inFleet = fleetProfiles.Profiles.Select(p => p.Identity).Concat(fleetProfiles.InvalidIdentities).ToList();
        if (!selection.Misses(inFleet))
        {
            return false;
        }

        var held = deployed();
        if (!selection.Misses(inFleet.Concat(held)))
        {
            return false;
        }

        selection.ReportUnknown(this, fleetProfiles, held, fleet.Description);
        return true;
    }
}
