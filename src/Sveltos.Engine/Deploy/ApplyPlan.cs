using System.Text.Json.Nodes;

namespace Sveltos.Engine.Deploy;

/// <summary>One step of a plan: the action, the object as desired and as it is live (for diffs).</summary>
public sealed record PlannedChange(ObjectKey Key, ObjectAction Action, DesiredObject? Desired, JsonObject? Live, string Message)
{
    public bool IsChange => Action.IsChange();
}

/// <summary>
/// What a sync of one (profile, cluster) pair would do. Computed first, shown or confirmed change by
/// change, then applied: -WhatIf, DryRun and a real sync all go through the same plan.
/// </summary>
public sealed record ApplyPlan
{
    public required ProfileRef Profile { get; init; }

    public required string Cluster { get; init; }

    /// <summary>The desired state; null when the plan withdraws the profile from the cluster.</summary>
    public DesiredState? Desired { get; init; }

    public DeploymentRecord? Previous { get; init; }

    /// <summary>The target's record seal as far as planning needed it; the apply creates the key when it must seal and there is none.</summary>
    public RecordSeal Seal { get; init; } = RecordSeal.None;

    public IReadOnlyList<PlannedChange> Changes { get; init; } = [];

    /// <summary>Set when the plan cannot proceed (a conflict without continueOnConflict): nothing is applied.</summary>
    public string? Blocked { get; init; }

    /// <summary>deploymentType Local: the objects go to the management cluster on the cluster's behalf.</summary>
    public bool Local { get; init; }

    /// <summary>Withdrawal that keeps the objects and removes only tracking metadata (LeavePolicies).</summary>
    public bool LeaveObjects { get; init; }

    public bool IsWithdrawal => Desired is null;

    public bool HasChanges => Changes.Any(c => c.IsChange);

    public int Deletions => Changes.Count(c => c.Action == ObjectAction.Deleted);
}
