using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>Which clusters a profile reaches: its clusterSelector, or clusters it names; a Profile only in its namespace.</summary>
public static class ProfileMatcher
{
    public static bool Matches(ClusterProfileDocument profile, FleetCluster cluster)
    {
        if (profile.Kind == ProfileKind.Profile && cluster.Namespace != profile.Namespace)
        {
            return false;
        }

        var spec = profile.Spec;
        if (spec.ClusterSelector is { } selector && selector.Matches(cluster.Labels))
        {
            return true;
        }

        return spec.ClusterRefs.Any(r =>
            r.Name == cluster.Name
            && r.Namespace == cluster.Namespace
            && (r.Kind.Length == 0 || r.Kind == cluster.Kind));
    }
}
