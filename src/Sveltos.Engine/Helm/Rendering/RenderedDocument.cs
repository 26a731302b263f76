using System.Text.Json.Nodes;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// One document of <c>helm template</c>'s output, as an object: the template (or crds/ file) it came from, its kind,
/// name and namespace, the hook it is (null for a manifest or CRD), and its text.
/// </summary>
public sealed record RenderedDocument(string Source, string ApiVersion, string Kind, string Name, string? Namespace, HelmHook? Hook, string Text)
{
    /// <summary>True for a document of a chart's crds/ folder.</summary>
    public bool IsCrd { get; init; }

    /// <summary>The document parsed into a JSON tree, a new one on each call; null for a document without content.</summary>
    public JsonNode? ToObject() => ManifestHead.ToObject(Text);

    internal static RenderedDocument Of(RenderedManifest manifest) =>
        new(manifest.Name, manifest.Head.ApiVersion, manifest.Head.Kind, manifest.Head.Name, manifest.Head.Namespace, null, manifest.Content);

    internal static RenderedDocument Of(HelmHook hook) =>
        new(hook.Path, hook.Head.ApiVersion, hook.Kind, hook.Name, hook.Head.Namespace, hook, hook.Manifest);
}
