namespace Sveltos.KubeSim.Apply;

/// <summary>A field another manager owns with a different value than an apply request sets.</summary>
internal sealed record ApplyConflict(ManagedFieldsEntry Owner, string Path);
