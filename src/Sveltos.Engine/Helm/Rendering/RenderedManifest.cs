namespace Sveltos.Engine.Helm.Rendering;

/// <summary>One rendered document that is part of the release (not a hook): <see cref="Name"/> is its template's path.</summary>
public sealed record RenderedManifest(string Name, string Content, ManifestHead Head);
