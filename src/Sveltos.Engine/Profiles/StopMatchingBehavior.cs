namespace Sveltos.Engine.Profiles;

/// <summary>What happens to deployed add-ons when a cluster stops matching (spec.stopMatchingBehavior).</summary>
public enum StopMatchingBehavior
{
    /// <summary>Remove what the profile deployed (the default).</summary>
    WithdrawPolicies,

    /// <summary>Leave deployed add-ons in the cluster.</summary>
    LeavePolicies,
}
