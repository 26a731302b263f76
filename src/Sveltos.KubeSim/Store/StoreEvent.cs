namespace Sveltos.KubeSim.Store;

internal enum StoreEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>One change in a cluster's store, kept in the bounded history that watches resume from.</summary>
internal sealed record StoreEvent(long ResourceVersion, StoreEventType Type, StoredObject Object, StoredObject? Previous);
