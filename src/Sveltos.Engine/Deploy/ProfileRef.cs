namespace Sveltos.Engine.Deploy;

/// <summary>A ClusterProfile (no namespace) or a Profile (namespaced), as tracking metadata names it.</summary>
public sealed record ProfileRef(string Kind, string Namespace, string Name)
{
    public const string ClusterProfileKind = "ClusterProfile";
    public const string ProfileKind = "Profile";

    public override string ToString() => Namespace.Length == 0 ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
