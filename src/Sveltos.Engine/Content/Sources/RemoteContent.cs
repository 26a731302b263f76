using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Text;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// remoteURL content, as Sveltos fetches it: an http(s) URL serving a YAML/JSON file or a tarball (gzip'd or plain),
/// or an oci:// artifact whose layers are tarballs or files. Fetched again no more often than the interval (Sveltos'
/// default 5m); its revision is the digest of what was served (the manifest digest for OCI), so unchanged content is
/// neither unpacked nor rebuilt again. The Secret holds token, or username and password, and optionally caFile.
/// </summary>
public static class RemoteContent
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    private static readonly ConcurrentDictionary<string, (DateTimeOffset At, FetchedSource Source)> Recent = new(StringComparer.Ordinal);

    public static async Task<FetchedSource> FetchAsync(ContentRequest request, RemoteUrlReference remote, string where, CancellationToken cancellationToken)
    {
        var shown = RedactedUrl.Of(remote.Url);
        var (options, authorization, secretVersion) = await AccessAsync(request, remote, where, cancellationToken).ConfigureAwait(false);
        var interval = remote.Interval is { Length: > 0 } text ? GoDuration.TryParse(text) ?? DefaultInterval : DefaultInterval;
        var key = $"{remote.Url}|{options.FetchKey}|{authorization?.Scheme}|{(authorization?.Parameter is { } p ? SourceFolders.Sha256(p) : "")}|{secretVersion}";
        if (Recent.TryGetValue(key, out var recent) && DateTimeOffset.UtcNow - recent.At < interval)
        {
            return recent.Source;
        }

        request.Verbose($"{request.Cluster}: {where}: fetching {shown} (re-fetched at most every {interval}).");
        var fetched = remote.Url.StartsWith(OciReference.Scheme, StringComparison.Ordinal)
            ? await PullAsync(remote, options, where, cancellationToken).ConfigureAwait(false)
            : await DownloadAsync(remote.Url, options, authorization, where, cancellationToken).ConfigureAwait(false);
        Recent[key] = (DateTimeOffset.UtcNow, fetched);
        return fetched;
    }

    private static async Task<FetchedSource> DownloadAsync(string url, ChartSourceOptions options, AuthenticationHeaderValue? authorization, string where, CancellationToken cancellationToken)
    {
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ContentException("RemoteUrlInvalid", $"{where}: remoteURL.url '{RedactedUrl.Of(url)}' is not http://, https:// or oci://.", where);
        }

        var data = await SourceDownload.GetAsync(url, options, authorization, where, where, cancellationToken).ConfigureAwait(false);
        var digest = SourceFolders.Sha256(data);
        var folder = TarballArchive.IsGzip(data) || TarballArchive.IsTar(data)
            ? SourceFolders.Unpack(data, $"{where} ({RedactedUrl.Of(url)})")
            : SourceFolders.Make(Path.Combine(SourceFolders.Root, "files", digest), f => WriteFile(f, FileName(new Uri(url).AbsolutePath), data));
        return new FetchedSource(folder, "sha256:" + digest, RedactedUrl.Of(url));
    }

    private static async Task<FetchedSource> PullAsync(RemoteUrlReference remote, ChartSourceOptions options, string where, CancellationToken cancellationToken)
    {
        OciReference reference;
        try
        {
            reference = OciReference.Parse(remote.Url);
        }
        catch (ChartSourceException ex)
        {
            throw new ContentException("RemoteUrlInvalid", $"{where}: {ex.Message}", where);
        }

        if (reference.Tag is null && reference.Digest is null)
        {
            reference = reference with { Tag = "latest" };
        }

        using var client = new OciRegistryClient(options);
        try
        {
            var (digest, layers) = await client.GetArtifactLayersAsync(reference, cancellationToken).ConfigureAwait(false);
            var folder = Path.Combine(SourceFolders.Root, "oci", digest.Replace(':', '-'));
            if (!Directory.Exists(folder))
            {
                var blobs = new List<(OciDescriptor Layer, byte[] Data)>();
                foreach (var layer in layers)
                {
                    blobs.Add((layer, await client.GetBlobAsync(reference, layer, cancellationToken).ConfigureAwait(false)));
                }

                SourceFolders.Make(folder, target =>
                {
                    Directory.CreateDirectory(target);
                    for (var i = 0; i < blobs.Count; i++)
                    {
                        var (layer, data) = blobs[i];
                        if (TarballArchive.IsGzip(data) || TarballArchive.IsTar(data))
                        {
                            TarballArchive.Extract(data, target, $"{where} ({reference} layer {layer.Digest})");
                        }
                        else
                        {
                            WriteFile(target, $"layer-{i}.yaml", data);
                        }
                    }
                });
            }

            return new FetchedSource(folder, digest, reference.ToString());
        }
        catch (ChartSourceException ex)
        {
            throw new ContentException(ex.ErrorId, $"{where}: {ex.Message}", where, ex.RecommendedAction);
        }
    }

    /// <summary>TLS and credentials from the entry and its Secret (the password and token never leave this method but as headers).</summary>
    private static async Task<(ChartSourceOptions Options, AuthenticationHeaderValue? Authorization, string SecretVersion)> AccessAsync(ContentRequest request, RemoteUrlReference remote, string where, CancellationToken cancellationToken)
    {
        string? user = null, password = null, token = null, caFile = null, version = "";
        if (remote.SecretName is { Length: > 0 } name)
        {
            var ns = remote.SecretNamespace is { Length: > 0 } n ? n : request.ReferenceNamespace;
            var secret = await ContentSourceFetch.GetAsync(request, "Secret", ns, name, optional: false, $"{where} remoteURL.secretRef", "credentials", "Create the Secret (token, or username and password; caFile optional), or correct remoteURL.secretRef.", cancellationToken).ConfigureAwait(false);
            var data = SecretData.Decode(secret!);
            version = Kube.KubeObject.ResourceVersion(secret!);
            data.TryGetValue("username", out user);
            data.TryGetValue("password", out password);
            data.TryGetValue("token", out token);
            if (data.TryGetValue("caFile", out var ca))
            {
                var folder = Path.Combine(SourceFolders.Root, "keys");
                Directory.CreateDirectory(folder);
                caFile = Path.Combine(folder, SourceFolders.Sha256(ca) + ".pem");
                File.WriteAllText(caFile, ca);
            }
        }

        var options = new ChartSourceOptions { Username = user, Password = password, CaFile = caFile, InsecureSkipTlsVerify = remote.InsecureSkipTlsVerify, PlainHttp = remote.PlainHttp };
        var authorization = token is { Length: > 0 } ? new AuthenticationHeaderValue("Bearer", token)
            : user is { Length: > 0 } && password is not null ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")))
            : null;
        return (options, authorization, version);
    }

    private static string FileName(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name : "content.yaml";
    }

    private static void WriteFile(string folder, string name, byte[] data)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), data);
    }
}
