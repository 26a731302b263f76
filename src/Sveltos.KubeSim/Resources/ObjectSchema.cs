namespace Sveltos.KubeSim.Resources;

internal enum ListType
{
    Atomic,
    Set,
    Map,
}

/// <summary>How a list merges: in server-side apply (list type and map keys) and in strategic merge patch (patch merge key).</summary>
internal sealed record ListSemantics(ListType Type, IReadOnlyList<string> Keys, string? PatchMergeKey, bool MergePrimitives)
{
    public static readonly ListSemantics Atomic = new(ListType.Atomic, [], null, false);
}

/// <summary>
/// The structural facts about a resource's fields that merging needs. Paths are field names from the object root;
/// list elements are transparent (spec.template.spec.containers.ports).
/// </summary>
internal interface IObjectSchema
{
    ListSemantics ListAt(IReadOnlyList<string> path);

    bool IsAtomicMap(IReadOnlyList<string> path);
}
