using System.Text.Json.Nodes;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// Flux sources (source.toolkit.fluxcd.io GitRepository, OCIRepository, Bucket) as their consumers read them: the
/// artifact in status.artifact (url, revision, digest) is downloaded from the source-controller, checked against its
/// digest and unpacked, once per digest. A source without an artifact yet makes the content pending, never empty.
/// </summary>
public static class FluxSource
{
    public const string Group = "source.toolkit.fluxcd.io";
    public const string GitRepository = "GitRepository";
    public const string OciRepository = "OCIRepository";
    public const string Bucket = "Bucket";

    /// <summary>
    /// Where the source-controller is reached from outside the management cluster (a kubectl port-forward, an
    /// ingress): the scheme, host and port of every artifact URL are replaced with it. The digest check still applies.
    /// </summary>
    public const string ControllerUrlVariable = "SVELTOS_SOURCE_CONTROLLER_URL";

    /// <summary>The API versions a source is looked up at, newest first (OCIRepository and Bucket were v1beta2 before Flux 2.6).</summary>
    public static readonly string[] ApiVersions = [Group + "/v1", Group + "/v1beta2"];

    public static bool HasArtifact(JsonObject source) => source["status"]?["artifact"] is JsonObject artifact && KubeObject.Text(artifact["url"]).Length > 0;

    /// <summary>Why the source has no artifact, from its Ready condition (Flux's own message), for the pending message.</summary>
    public static string NotReadyReason(JsonObject source)
    {
        var ready = (source["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => KubeObject.Text(c["type"]) == "Ready");
        return ready is null
            ? "it has no artifact yet (no Ready condition: is Flux's source-controller running?)"
            : $"it has no artifact yet (Ready={KubeObject.Text(ready["status"])}: {KubeObject.Text(ready["message"])})";
    }

    /// <summary>The artifact URL, through <see cref="ControllerUrlVariable"/> when it is set.</summary>
    public static string Reachable(string url)
    {
        if (Environment.GetEnvironmentVariable(ControllerUrlVariable) is not { Length: > 0 } controller
            || !Uri.TryCreate(url, UriKind.Absolute, out var artifact) || !Uri.TryCreate(controller, UriKind.Absolute, out var through))
        {
            return url;
        }

        return new UriBuilder(artifact) { Scheme = through.Scheme, Host = through.Host, Port = through.Port }.Uri.AbsoluteUri;
    }

    public static async Task<FetchedSource> FetchAsync(JsonObject source, SourceReference reference, CancellationToken cancellationToken)
    {
        var artifact = (JsonObject)source["status"]!["artifact"]!;
        var url = Reachable(KubeObject.Text(artifact["url"]));
        var revision = KubeObject.Text(artifact["revision"]);
        // Flux v1 writes digest "sha256:<hex>"; v1beta2 sources wrote checksum "<hex>".
        var digest = KubeObject.Text(artifact["digest"]) is { Length: > 0 } d ? d : KubeObject.Text(artifact["checksum"]) is { Length: > 0 } c ? "sha256:" + c : "";
        var description = $"{reference.Kind} {reference.Namespace}/{reference.Name}";
        if (!digest.StartsWith("sha256:", StringComparison.Ordinal))
        {
            throw new ContentException(
                "ArtifactDigestMissing",
                $"{reference.Where}: the artifact of {description} has {(digest.Length == 0 ? "no digest" : $"digest '{digest}', not a sha256 one")}, so it cannot be verified.",
                reference.Where);
        }

        var expected = digest["sha256:".Length..];
        var folder = Path.Combine(SourceFolders.Root, "archives", expected);
        if (!Directory.Exists(folder))
        {
            var data = await SourceDownload.GetAsync(url, ChartSourceOptions.None, null, reference.Where, reference.Where, cancellationToken).ConfigureAwait(false);
            var actual = SourceFolders.Sha256(data);
            if (actual != expected)
            {
                throw new ContentException(
                    "ArtifactDigestMismatch",
                    $"{reference.Where}: the artifact of {description} downloaded from {RedactedUrl.Of(url)} has digest sha256:{actual}, not {digest} as the source's status says; it was not used.",
                    reference.Where,
                    "The source-controller served other content than it recorded: wait for Flux to reconcile the source again, or check what serves the URL.");
            }

            folder = SourceFolders.Unpack(data, $"{reference.Where} ({description} artifact)");
        }

        return new FetchedSource(folder, revision.Length > 0 ? revision : digest, description) { Object = source };
    }
}
