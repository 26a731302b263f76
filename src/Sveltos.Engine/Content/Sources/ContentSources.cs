using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// The one place a source reference becomes files on disk, for policyRefs, kustomizationRefs and Flux charts alike:
/// a ConfigMap/Secret holding a tarball, a Flux source's artifact, a GitRepository cloned directly (fleet directories,
/// or one annotated <see cref="CloneAnnotation"/> in a management cluster), the fleet directory's own checkout, or a
/// remoteURL. Every result is cached by its revision, so a sync re-reads only what changed.
/// </summary>
public static class ContentSources
{
    /// <summary>Lets a management cluster's GitRepository without Flux be cloned directly (off by default there).</summary>
    public const string CloneAnnotation = "pwsh.projectsveltos.io/clone-directly";

    /// <summary>The source's files, or null when it is optional and does not exist.</summary>
    /// <exception cref="PendingException">A Flux source has no artifact yet: the content waits, nothing is deployed or removed.</exception>
    /// <exception cref="ContentException">The source is missing, unreachable, not what it claims (digest), or not a tarball.</exception>
    public static async Task<FetchedSource?> FetchAsync(ContentRequest request, SourceReference reference, CancellationToken cancellationToken)
    {
        if (reference.RemoteUrl is { } remote)
        {
            return await RemoteContent.FetchAsync(request, remote, reference.Where, cancellationToken).ConfigureAwait(false);
        }

        if (reference.Kind is "ConfigMap" or "Secret")
        {
            var holder = await ContentSourceFetch.GetAsync(
                request, reference.Kind, reference.Namespace, reference.Name, reference.Optional, reference.Where, "content",
                "Create it (kubectl create configmap <name> --from-file=content.tar.gz), correct the reference, or mark it optional. Nothing was deployed or removed for this cluster.",
                cancellationToken).ConfigureAwait(false);
            if (holder is null)
            {
                return null;
            }

            var tarball = Tarball(holder, reference);
            return new FetchedSource(SourceFolders.Unpack(tarball, reference.Where), "sha256:" + SourceFolders.Sha256(tarball), $"{reference.Kind} {reference.Namespace}/{reference.Name}") { Object = holder };
        }

        if (!reference.IsFlux)
        {
            throw new ContentException("ContentKindUnsupported", $"{reference.Where}: kind '{reference.Kind}' is not a source (ConfigMap, Secret, GitRepository, OCIRepository, Bucket).", reference.Where);
        }

        var source = await ContentSourceFetch.GetAsync(
            request, FluxSource.ApiVersions, reference.Kind, reference.Namespace, reference.Name, reference.Optional, reference.Where, "content",
            $"Create the {reference.Kind} (Flux's source.toolkit.fluxcd.io), correct the reference, or mark it optional. Nothing was deployed or removed for this cluster.",
            cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        if (reference.Kind == FluxSource.GitRepository && request.Fleet.Underlying() is DirectoryFleet directory && FleetCheckout.IsFleetCheckout(source))
        {
            return FleetCheckout.Fetch(source, reference, directory);
        }

        if (FluxSource.HasArtifact(source))
        {
            return await FluxSource.FetchAsync(source, reference, cancellationToken).ConfigureAwait(false);
        }

        if (reference.Kind == FluxSource.GitRepository && (request.Fleet.Underlying() is DirectoryFleet || KubeObject.Annotations(source).GetValueOrDefault(CloneAnnotation) == "true"))
        {
            return await GitCheckout.FetchAsync(source, reference, request.Fleet, request.Verbose, cancellationToken).ConfigureAwait(false);
        }

        throw new PendingException(
            $"{reference.Where}: {reference.Kind} {reference.Namespace}/{reference.Name} {FluxSource.NotReadyReason(source)}; the content waits for it, and nothing was deployed or removed for this cluster.",
            reference.Where);
    }

    /// <summary>The tarball of a content ConfigMap or Secret: its one data key (binaryData, or base64 data).</summary>
    private static byte[] Tarball(JsonObject holder, SourceReference reference)
    {
        var (kind, where) = (reference.Kind, reference.Where);
        if (kind == "Secret" && KubeObject.Text(holder["type"]) != PolicyRefSource.SecretType)
        {
            throw new ContentException(
                "ContentSecretWrongType",
                $"{where}: the Secret has type '{KubeObject.Text(holder["type"])}'; content Secrets must have type '{PolicyRefSource.SecretType}'.",
                where,
                $"Create the Secret with type {PolicyRefSource.SecretType}.");
        }

        var entries = kind == "ConfigMap" ? KubeObject.StringMap(holder["binaryData"]) : KubeObject.StringMap(holder["data"]);
        if (entries.Count != 1)
        {
            throw new ContentException(
                "KustomizeTarballMissing",
                $"{where}: the {kind} must hold exactly one .tar.gz in {(kind == "ConfigMap" ? "binaryData" : "data")}; it has {entries.Count} key(s).",
                where,
                "Store the kustomize folder as one tarball: kubectl create configmap <name> --from-file=content.tar.gz.");
        }

        try
        {
            return Convert.FromBase64String(entries.Values.Single());
        }
        catch (FormatException)
        {
            throw new ContentException("ContentTarballInvalid", $"{where}: the tarball is not base64 as the API serves binary data.", where);
        }
    }
}
