using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Identifies one object in a cluster. The version is carried for requests but is not part of the
/// identity: the same Deployment served at two versions is one object.
/// </summary>
public sealed record ObjectKey(string ApiVersion, string Kind, string Namespace, string Name)
{
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public static ObjectKey Of(JsonObject obj) =>
        new(KubeObject.ApiVersion(obj), KubeObject.Kind(obj), KubeObject.Namespace(obj), KubeObject.Name(obj));

    public bool Equals(ObjectKey? other) =>
        other is not null && Group == other.Group && Kind == other.Kind && Namespace == other.Namespace && Name == other.Name;

    public override int GetHashCode() => HashCode.Combine(Group, Kind, Namespace, Name);

    public override string ToString() => Namespace.Length == 0 ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
