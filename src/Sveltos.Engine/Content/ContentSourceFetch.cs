using System.Text.Json.Nodes;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content;

/// <summary>
/// Reads the ConfigMap or Secret a reference of a profile names (policyRefs, valuesFrom, kustomizationRefs) from the
/// fleet: a namespaced Profile only from its own namespace; a missing one is null when the reference is optional,
/// else an error naming it.
/// </summary>
internal static class ContentSourceFetch
{
    /// <param name="what">What the reference holds, for the namespace error: "content", "values".</param>
    /// <param name="missingHint">The recommended action when it does not exist.</param>
    public static async Task<JsonObject?> GetAsync(ContentRequest request, string kind, string ns, string name, bool optional, string where, string what, string missingHint, CancellationToken cancellationToken)
    {
        if (request.Profile.Kind == ProfileKind.Profile && ns != request.Profile.Namespace)
        {
            throw new ContentException("ContentOutsideNamespace", $"{where}: a Profile may only reference {what} in its own namespace '{request.Profile.Namespace}'.", request.Profile.Identity);
        }

        var source = await request.Fleet.GetObjectAsync("v1", kind, ns, name, cancellationToken).ConfigureAwait(false);
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
}
