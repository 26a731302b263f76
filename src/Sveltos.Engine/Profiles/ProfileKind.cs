namespace Sveltos.Engine.Profiles;

/// <summary>The two Sveltos profile kinds.</summary>
public enum ProfileKind
{
    /// <summary>Cluster-scoped: may match any cluster and reference resources in any namespace.</summary>
    ClusterProfile,

    /// <summary>Namespaced: matches clusters and references resources in its own namespace only.</summary>
    Profile,
}
