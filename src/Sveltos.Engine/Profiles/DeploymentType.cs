namespace Sveltos.Engine.Profiles;

/// <summary>Where referenced content is deployed.</summary>
public enum DeploymentType
{
    /// <summary>Into the management cluster.</summary>
    Local,

    /// <summary>Into the matching managed cluster (the default).</summary>
    Remote,
}
