using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// What a policyRef, kustomizationRef or Flux chart names, its templated name and namespace already rendered: a
/// ConfigMap/Secret, a Flux GitRepository/OCIRepository/Bucket, or a remoteURL. <see cref="Where"/> names it in errors.
/// </summary>
public sealed record SourceReference(string Kind, string Namespace, string Name, bool Optional, string Where)
{
    public RemoteUrlReference? RemoteUrl { get; init; }

    public bool IsFlux => Kind is FluxSource.GitRepository or FluxSource.OciRepository or FluxSource.Bucket;

    /// <summary>
    /// The source an entry names for the cluster: its remoteURL, or its kind with the name and namespace rendered
    /// (an empty namespace is the request's reference namespace); <paramref name="at"/> and the path name it in errors.
    /// </summary>
    public static async Task<SourceReference> ForAsync(
        ContentRequest request, string kind, string? ns, string name, RemoteUrlReference? remote, bool optional, string at, string path, Func<Task<TemplateData>> data, CancellationToken cancellationToken)
    {
        if (remote is not null)
        {
            var shown = RedactedUrl.Of(remote.Url);
            return new SourceReference("remoteURL", "", shown, optional, $"{at} (remoteURL {shown} path {path})") { RemoteUrl = remote };
        }

        var rendered = await ContentSourceFetch.FieldAsync(name, $"{at} name", data, cancellationToken).ConfigureAwait(false);
        var renderedNamespace = await ContentSourceFetch.NamespaceAsync(request, ns, $"{at} namespace", data, cancellationToken).ConfigureAwait(false);
        return new SourceReference(kind, renderedNamespace, rendered, optional, $"{at} ({kind} {renderedNamespace}/{rendered} path {path})");
    }
}
