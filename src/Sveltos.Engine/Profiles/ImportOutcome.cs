namespace Sveltos.Engine.Profiles;

/// <summary>What an imported document turned out to be.</summary>
public enum ImportOutcome
{
    /// <summary>A valid ClusterProfile or Profile.</summary>
    Profile,

    /// <summary>A valid Kubernetes object of another kind (e.g. a ConfigMap); the caller decides whether to skip it.</summary>
    OtherKind,

    /// <summary>Unreadable, or a ClusterProfile/Profile with problems.</summary>
    Invalid,
}
