namespace Sveltos;

/// <summary>The fleet a session works on, as Connect-SveltosFleet sets it.</summary>
public sealed class SveltosFleet
{
    internal SveltosFleet(string kind, string? path, string? context, string[]? kubeconfig, string description)
    {
        Kind = kind;
        Path = path;
        Context = context;
        Kubeconfig = kubeconfig;
        Description = description;
    }

    /// <summary>Directory, ManagementCluster or Kubeconfig.</summary>
    public string Kind { get; }

    public string? Path { get; }

    public string? Context { get; }

    public string[]? Kubeconfig { get; }

    public string Description { get; }

    public override string ToString() => Description;
}
