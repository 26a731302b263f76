using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>A ConfigMap or Secret that supplies values or patches (valuesFrom[], patchesFrom[]).</summary>
public sealed record ValuesFromReference(string Kind, string? Namespace, string Name, bool Optional)
{
    internal static ValuesFromReference Read(YamlMapping m) => new(
        TreeReader.String(m, "kind") ?? "",
        TreeReader.String(m, "namespace"),
        TreeReader.String(m, "name") ?? "",
        TreeReader.Boolean(m, "optional"));
}
