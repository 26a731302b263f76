using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>Which resources a patch or drift exclusion applies to; unset parts match everything.</summary>
public sealed record PatchTarget(
    string? Group,
    string? Version,
    string? Kind,
    string? Namespace,
    string? Name,
    string? LabelSelector,
    string? AnnotationSelector)
{
    internal static PatchTarget? ReadOptional(YamlMapping? m) => m is null ? null : new(
        TreeReader.String(m, "group"),
        TreeReader.String(m, "version"),
        TreeReader.String(m, "kind"),
        TreeReader.String(m, "namespace"),
        TreeReader.String(m, "name"),
        TreeReader.String(m, "labelSelector"),
        TreeReader.String(m, "annotationSelector"));
}
