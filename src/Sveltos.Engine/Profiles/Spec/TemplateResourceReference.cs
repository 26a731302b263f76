using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>spec.templateResourceRefs[]: a management-cluster resource made available to templates as <see cref="Identifier"/>.</summary>
public sealed record TemplateResourceReference(ResourceReference Resource, string Identifier, bool Optional, bool IgnoreStatusChanges)
{
    internal static TemplateResourceReference Read(YamlMapping m) => new(
        ResourceReference.Read(TreeReader.Mapping(m, "resource") ?? new YamlMapping()),
        TreeReader.String(m, "identifier") ?? "",
        TreeReader.Boolean(m, "optional"),
        TreeReader.Boolean(m, "ignoreStatusChanges"));
}

/// <summary>A Kubernetes object reference (apiVersion, kind, namespace, name). Name may be a template.</summary>
public sealed record ResourceReference(string? ApiVersion, string Kind, string? Namespace, string Name)
{
    internal static ResourceReference Read(YamlMapping m) => new(
        TreeReader.String(m, "apiVersion"),
        TreeReader.String(m, "kind") ?? "",
        TreeReader.String(m, "namespace"),
        TreeReader.String(m, "name") ?? "");
}
