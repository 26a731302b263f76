using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>spec.driftExclusions[]: JSON pointer paths ignored by drift detection, optionally for some resources only.</summary>
public sealed record DriftExclusion(IReadOnlyList<string> Paths, PatchTarget? Target)
{
    internal static DriftExclusion Read(YamlMapping m) =>
        new(TreeReader.Strings(m, "paths"), PatchTarget.ReadOptional(TreeReader.Mapping(m, "target")));
}
