namespace Sveltos.Engine.Fleet;

/// <summary>Server-side apply field managers the module writes under.</summary>
public static class FieldManagers
{
    /// <summary>Everything the module applies, in the management cluster and in managed clusters.</summary>
    public const string Sveltos = "sveltos-powershell";
}
