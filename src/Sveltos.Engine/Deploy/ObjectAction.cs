namespace Sveltos.Engine.Deploy;

/// <summary>What happened (or, in a plan, would happen) to one object.</summary>
public enum ObjectAction
{
    Created,
    Updated,
    Unchanged,
    Deleted,
    Adopted,

    /// <summary>Tracking metadata removed, the object left in place (LeavePolicies).</summary>
    Released,
    Conflict,
    Failed,
    Skipped,

    /// <summary>Waiting for something outside the profile (a template resource not yet there).</summary>
    Pending,
    WouldCreate,
    WouldUpdate,
    WouldDelete,
    WouldAdopt,
    WouldRelease,
}

public static class ObjectActions
{
    /// <summary>The planned form of an action, as DryRun and -WhatIf report it.</summary>
    public static ObjectAction Planned(this ObjectAction action) => action switch
    {
        ObjectAction.Created => ObjectAction.WouldCreate,
        ObjectAction.Updated => ObjectAction.WouldUpdate,
        ObjectAction.Deleted => ObjectAction.WouldDelete,
        ObjectAction.Adopted => ObjectAction.WouldAdopt,
        ObjectAction.Released => ObjectAction.WouldRelease,
        _ => action,
    };

    public static bool IsChange(this ObjectAction action) =>
        action is ObjectAction.Created or ObjectAction.Updated or ObjectAction.Deleted or ObjectAction.Adopted or ObjectAction.Released;
}
