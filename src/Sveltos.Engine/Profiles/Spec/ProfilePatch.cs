using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>spec.patches[]: an inline strategic-merge or JSON6902 patch (may be a template) and its target.</summary>
public sealed record ProfilePatch(string Patch, PatchTarget? Target)
{
    internal static ProfilePatch Read(YamlMapping m) =>
        new(TreeReader.String(m, "patch") ?? "", PatchTarget.ReadOptional(TreeReader.Mapping(m, "target")));
}
