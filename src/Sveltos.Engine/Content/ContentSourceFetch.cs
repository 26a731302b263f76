using System.Text.Json.Nodes;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Content;

/// <summary>
/// Reads the ConfigMap, Secret or Flux source a reference of a profile names (policyRefs, valuesFrom, kustomizationRefs) from the
/// fleet: a namespaced Profile only from its own namespace; a missing one is null when the reference is optional,
/// else an error naming it.
/// </summary>
internal static class ContentSourceFetch
{
    /// <param name="what">What the reference holds, for the namespace error: "content", "values".</param>
    /// <param name="missingHint">The recommended action when it does not exist.</param>
    public static Task<JsonObject?> GetAsync(ContentRequest request, string kind, string ns, string name, bool optional, string where, string what, string missingHint, CancellationToken cancellationToken) =>
        GetAsync(request, ["v1"], kind, ns, name, optional, where, what, missingHint, cancellationToken);

    /// <param name="apiVersions">Where to look, in order (a Flux source has been served at several versions).</param>
    public static async Task<JsonObject?> GetAsync(ContentRequest request, IReadOnlyList<string> apiVersions, string kind, string ns, string name, bool optional, string where, string what, string missingHint, CancellationToken cancellationToken)
    {
        if (request.Profile.Kind == ProfileKind.Profile && ns != request.Profile.Namespace)
        {
            throw new ContentException("ContentOutsideNamespace", $"{where}: a Profile may only reference {what} in its own namespace '{request.Profile.Namespace}'.", request.Profile.Identity);
        }

        JsonObject? source = null;
        foreach (var apiVersion in apiVersions)
        {
            source ??= await request.Fleet.GetObjectAsync(apiVersion, kind, ns, name, cancellationToken).ConfigureAwait(false);
        }

        if (source is null && !optional)
        {
            throw new ContentException(
                "ContentSourceNotFound",
                $"{where}: {kind} {ns}/{name} does not exist in {request.Fleet.Description}.",
                request.Profile.Identity,
                missingHint);
        }

        return source;
    }

    /// <summary>A reference's name (or path) as written, or rendered for the cluster when it is a template.</summary>
    public static async Task<string> FieldAsync(string text, string field, Func<Task<TemplateData>> data, CancellationToken cancellationToken) =>
        text.Contains("{{", StringComparison.Ordinal) ? ContentTemplates.RenderField(text, field, await data().ConfigureAwait(false), cancellationToken) : text;

    /// <summary>A reference's namespace: rendered when a template, the request's reference namespace when empty.</summary>
    public static async Task<string> NamespaceAsync(ContentRequest request, string? text, string field, Func<Task<TemplateData>> data, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(text) ? request.ReferenceNamespace : await FieldAsync(text, field, data, cancellationToken).ConfigureAwait(false);
}
