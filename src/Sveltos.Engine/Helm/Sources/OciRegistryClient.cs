using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// Helm charts in an OCI registry over the distribution API: manifests by tag or digest, blobs verified against their
/// digest, pushes (blob upload POST then PUT, config blob, manifest with Helm's annotations), tag lists, and the
/// registry's authentication (anonymous, Basic, or a Bearer token from the realm its challenge names).
/// </summary>
public sealed class OciRegistryClient : IDisposable
{
    private readonly ChartHttpClients _clients;
    private readonly bool _ownsClients;
    private readonly ChartSourceOptions _options;
    private readonly ConcurrentDictionary<string, AuthenticationHeaderValue> _authorizations = new(StringComparer.Ordinal);

    public OciRegistryClient(ChartSourceOptions? options = null)
        : this(new ChartHttpClients(), options ?? ChartSourceOptions.None, ownsClients: true)
    {
    }

    internal OciRegistryClient(ChartHttpClients clients, ChartSourceOptions options, bool ownsClients = false)
    {
        _clients = clients;
        _options = options;
        _ownsClients = ownsClients;
    }

    public void Dispose()
    {
        if (_ownsClients)
        {
            _clients.Dispose();
        }
    }

    /// <summary>Every tag of the repository, following the registry's pages.</summary>
    public async Task<IReadOnlyList<string>> GetTagsAsync(OciReference reference, CancellationToken cancellationToken = default)
    {
        var tags = new List<string>();
        string? next = $"{BaseUrl(reference)}/tags/list";
        while (next is not null)
        {
            var url = next;
            using var response = await SendAsync(reference, Pull(reference), () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, reference, "tags", cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            if (document.RootElement.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                tags.AddRange(list.EnumerateArray().Select(t => t.GetString()).OfType<string>());
            }

            next = NextPage(response, url);
        }

        return tags;
    }

    /// <summary>The chart versions the tags stand for (Helm: strict semantic versions, <c>_</c> read as <c>+</c>), newest first.</summary>
    public async Task<IReadOnlyList<string>> GetChartVersionsAsync(OciReference reference, CancellationToken cancellationToken = default)
    {
        var versions = (await GetTagsAsync(reference, cancellationToken).ConfigureAwait(false))
            .Select(OciReference.VersionOf)
            .Where(ChartVersions.IsStrict);
        return ChartVersions.Descending(versions, v => v);
    }

    /// <summary>
    /// Helm's choice of what to pull for a reference and a requested version: the reference's own tag or digest, a
    /// version that is itself a semantic version as the tag, else the newest tagged version satisfying the constraint.
    /// </summary>
    public async Task<OciReference> ResolveAsync(OciReference reference, string? version, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(version))
        {
            version = reference.Tag is null ? null : OciReference.VersionOf(reference.Tag);
        }
        else if (reference.Tag is not null && reference.Tag != OciReference.TagOf(version))
        {
            throw new ChartSourceException(ChartSourceErrorIds.InvalidReference, ErrorKind.InvalidArgument,
                $"chart reference and version mismatch: {version} is not {OciReference.VersionOf(reference.Tag)}", reference.ToString());
        }

        if (reference.Digest is not null)
        {
            return await CheckDigestAsync(reference, version, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(version) && ChartVersions.TryParse(version) is not null)
        {
            return reference.WithTag(version);
        }

        var versions = await GetChartVersionsAsync(reference, cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            throw new ChartSourceException(ChartSourceErrorIds.VersionNotFound, ErrorKind.ObjectNotFound,
                $"unable to locate any tags in provided repository: {reference}", reference.ToString());
        }

        var picked = ChartVersions.Pick(versions, v => v, version)
            ?? throw new ChartSourceException(ChartSourceErrorIds.VersionNotFound, ErrorKind.ObjectNotFound,
                $"could not locate a version matching provided version string {version} in {reference} (versions: {ChartVersions.Available(versions)})",
                reference.ToString(), "Give a version or constraint that one of the listed versions satisfies.");
        return reference.WithTag(picked);
    }

    /// <summary>The chart manifest of a tagged or digest reference, verified against its digest.</summary>
    public async Task<OciChartManifest> GetChartManifestAsync(OciReference reference, CancellationToken cancellationToken = default)
    {
        var (data, digest) = await GetManifestAsync(reference, cancellationToken).ConfigureAwait(false);
        return ReadManifest(data, digest, reference);
    }

    /// <summary>The digest and layers of any OCI artifact's manifest (Flux's, ORAS'), verified against its digest.</summary>
    public async Task<(string Digest, IReadOnlyList<OciDescriptor> Layers)> GetArtifactLayersAsync(OciReference reference, CancellationToken cancellationToken = default)
    {
        var (data, digest) = await GetManifestAsync(reference, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(data);
            var layers = document.RootElement.TryGetProperty("layers", out var l) && l.ValueKind == JsonValueKind.Array ? l.EnumerateArray().Select(Descriptor).ToList() : [];
            return (digest, layers);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw InvalidManifest(reference, $"the manifest is not valid JSON of an OCI image manifest: {e.Message}");
        }
    }

    private async Task<(byte[] Data, string Digest)> GetManifestAsync(OciReference reference, CancellationToken cancellationToken)
    {
        var url = $"{BaseUrl(reference)}/manifests/{reference.ManifestReference}";
        using var response = await SendAsync(reference, Pull(reference), () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(OciMediaTypes.Manifest);
            return request;
        }, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, reference, "manifest", cancellationToken).ConfigureAwait(false);
        var data = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var digest = "sha256:" + ChartCache.Hex(data);
        var announced = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
        if ((reference.Digest is not null && reference.Digest != digest) || (announced is not null && announced.StartsWith("sha256:", StringComparison.Ordinal) && announced != digest))
        {
            throw DigestMismatch(reference, "manifest", reference.Digest ?? announced!, digest);
        }

        return (data, digest);
    }

    /// <summary>A blob, checked against its descriptor's size and digest.</summary>
    public async Task<byte[]> GetBlobAsync(OciReference reference, OciDescriptor blob, CancellationToken cancellationToken = default)
    {
        var url = $"{BaseUrl(reference)}/blobs/{blob.Digest}";
        using var response = await SendAsync(reference, Pull(reference), () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, reference, "chart layer", cancellationToken).ConfigureAwait(false);
        var data = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var digest = "sha256:" + ChartCache.Hex(data);
        if (digest != blob.Digest || data.LongLength != blob.Size)
        {
            throw DigestMismatch(reference, "chart layer", blob.Digest, digest);
        }

        return data;
    }

    /// <summary>
    /// Pushes a packaged chart as Helm does: the archive as the chart layer, <paramref name="config"/> (Chart.yaml as
    /// JSON) as the config blob, and an OCI manifest with <paramref name="annotations"/>, tagged with the reference's tag.
    /// </summary>
    public async Task<OciPushResult> PushChartAsync(OciReference reference, byte[] archive, byte[] config, IReadOnlyDictionary<string, string> annotations, CancellationToken cancellationToken = default)
    {
        if (reference.Tag is null)
        {
            throw new ChartSourceException(ChartSourceErrorIds.InvalidReference, ErrorKind.InvalidArgument, $"a push needs a tagged reference, not {reference}", reference.ToString());
        }

        var chart = new OciDescriptor(OciMediaTypes.ChartContent, "sha256:" + ChartCache.Hex(archive), archive.LongLength);
        var configDescriptor = new OciDescriptor(OciMediaTypes.ChartConfig, "sha256:" + ChartCache.Hex(config), config.LongLength);
        await UploadBlobAsync(reference, archive, chart.Digest, cancellationToken).ConfigureAwait(false);
        await UploadBlobAsync(reference, config, configDescriptor.Digest, cancellationToken).ConfigureAwait(false);

        var manifest = WriteManifest(configDescriptor, chart, annotations);
        var url = $"{BaseUrl(reference)}/manifests/{reference.Tag}";
        using var response = await SendAsync(reference, Push(reference), () => new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = Bytes(manifest, OciMediaTypes.Manifest),
        }, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, reference, "manifest upload", cancellationToken).ConfigureAwait(false);
        return new OciPushResult(reference.ToString(), "sha256:" + ChartCache.Hex(manifest), chart.Digest);
    }

    /// <summary>Go's json.Marshal of Helm's manifest: schemaVersion, config, layers, annotations (keys sorted).</summary>
    internal static byte[] WriteManifest(OciDescriptor config, OciDescriptor chart, IReadOnlyDictionary<string, string> annotations)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 2);
            writer.WritePropertyName("config");
            WriteDescriptor(writer, config);
            writer.WriteStartArray("layers");
            WriteDescriptor(writer, chart);
            writer.WriteEndArray();
            if (annotations.Count > 0)
            {
                writer.WriteStartObject("annotations");
                foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return GoJson.HtmlSafe(stream.ToArray());
    }

    private static void WriteDescriptor(Utf8JsonWriter writer, OciDescriptor descriptor)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", descriptor.MediaType);
        writer.WriteString("digest", descriptor.Digest);
        writer.WriteNumber("size", descriptor.Size);
        writer.WriteEndObject();
    }

    private static OciChartManifest ReadManifest(byte[] data, string digest, OciReference reference)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            var root = document.RootElement;
            var config = Descriptor(root.GetProperty("config"));
            var layers = root.TryGetProperty("layers", out var l) && l.ValueKind == JsonValueKind.Array ? l.EnumerateArray().Select(Descriptor).ToList() : [];
            if (config.MediaType != OciMediaTypes.ChartConfig)
            {
                throw InvalidManifest(reference, $"could not load config with mediatype {OciMediaTypes.ChartConfig} (the manifest's config is {config.MediaType}): this is not a Helm chart");
            }

            var chart = layers.FirstOrDefault(d => d.MediaType == OciMediaTypes.ChartContent)
                ?? layers.FirstOrDefault(d => d.MediaType == OciMediaTypes.LegacyChartContent)
                ?? throw InvalidManifest(reference, $"manifest does not contain a layer with mediatype {OciMediaTypes.ChartContent}");
            var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in a.EnumerateObject())
                {
                    annotations[property.Name] = property.Value.GetString() ?? "";
                }
            }

            return new OciChartManifest(digest, config, chart, annotations);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw InvalidManifest(reference, $"the manifest is not valid JSON of an OCI image manifest: {e.Message}");
        }
    }

    private static OciDescriptor Descriptor(JsonElement e) =>
        new(e.GetProperty("mediaType").GetString() ?? "", e.GetProperty("digest").GetString() ?? "", e.GetProperty("size").GetInt64());

    private async Task<OciReference> CheckDigestAsync(OciReference reference, string? version, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(version))
        {
            return reference;
        }

        OciChartManifest tagged;
        try
        {
            tagged = await GetChartManifestAsync(reference with { Digest = null, Tag = OciReference.TagOf(version) }, cancellationToken).ConfigureAwait(false);
        }
        catch (ChartSourceException e) when (e.ErrorId is ChartSourceErrorIds.ChartNotFound)
        {
            return reference with { Tag = null };
        }

        if (tagged.Digest != reference.Digest)
        {
            throw new ChartSourceException(ChartSourceErrorIds.DigestMismatch, ErrorKind.InvalidData,
                $"chart reference digest mismatch: {tagged.Digest} is not {reference.Digest}", reference.ToString());
        }

        return reference with { Tag = null };
    }

    private async Task UploadBlobAsync(OciReference reference, byte[] data, string digest, CancellationToken cancellationToken)
    {
        var blobUrl = $"{BaseUrl(reference)}/blobs/{digest}";
        using (var head = await SendAsync(reference, Push(reference), () => new HttpRequestMessage(HttpMethod.Head, blobUrl), cancellationToken).ConfigureAwait(false))
        {
            if (head.IsSuccessStatusCode)
            {
                return;
            }
        }

        var start = $"{BaseUrl(reference)}/blobs/uploads/";
        using var started = await SendAsync(reference, Push(reference), () => new HttpRequestMessage(HttpMethod.Post, start) { Content = new ByteArrayContent([]) }, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(started, reference, "blob upload", cancellationToken).ConfigureAwait(false);
        var location = started.Headers.Location
            ?? throw new ChartSourceException(ChartSourceErrorIds.RegistryError, ErrorKind.InvalidData, $"the registry {reference.Registry} started an upload without a Location", reference.ToString());
        var upload = location.IsAbsoluteUri ? location : new Uri(new Uri(BaseUrl(reference)), location);
        var put = new UriBuilder(upload);
        put.Query = (put.Query.Length > 1 ? put.Query[1..] + "&" : "") + "digest=" + Uri.EscapeDataString(digest);
        using var finished = await SendAsync(reference, Push(reference), () => new HttpRequestMessage(HttpMethod.Put, put.Uri)
        {
            Content = Bytes(data, "application/octet-stream"),
        }, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(finished, reference, "blob upload", cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(OciReference reference, string scope, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var key = $"{reference.Registry} {scope}";
        var http = _clients.For(_options);
        var request = create();
        if (_authorizations.TryGetValue(key, out var known))
        {
            request.Headers.Authorization = known;
        }

        var response = await Transport(reference, () => http.SendAsync(request, cancellationToken)).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || RegistryChallenge.Parse(response.Headers.WwwAuthenticate.ToString()) is not { } challenge)
        {
            return response;
        }

        var authorization = challenge.IsBasic && _options.HasCredentials ? BasicAuthorization()
            : challenge.IsBearer ? await TokenAsync(reference, challenge, scope, cancellationToken).ConfigureAwait(false)
            : null;
        if (authorization is null || authorization.Equals(known))
        {
            return response;
        }

        response.Dispose();
        _authorizations[key] = authorization;
        var retry = create();
        retry.Headers.Authorization = authorization;
        return await Transport(reference, () => http.SendAsync(retry, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<AuthenticationHeaderValue> TokenAsync(OciReference reference, RegistryChallenge challenge, string scope, CancellationToken cancellationToken)
    {
        var realm = challenge["realm"]
            ?? throw new ChartSourceException(ChartSourceErrorIds.RegistryError, ErrorKind.InvalidData, $"the registry {reference.Registry} asked for a token without naming a realm", reference.ToString());
        var query = new List<string>();
        if (challenge["service"] is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.Add("scope=" + Uri.EscapeDataString(challenge["scope"] ?? scope));
        var url = realm + (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_options.HasCredentials)
        {
            request.Headers.Authorization = BasicAuthorization();
        }

        using var response = await Transport(reference, () => _clients.For(_options).SendAsync(request, cancellationToken)).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailure.FromStatus(response.StatusCode, $"a token for {reference}", realm);
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        var token = (document.RootElement.TryGetProperty("token", out var t) ? t.GetString() : null)
            ?? (document.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null)
            ?? throw new ChartSourceException(ChartSourceErrorIds.RegistryError, ErrorKind.InvalidData, $"the token service of {reference.Registry} answered without a token", RedactedUrl.Of(realm));
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private AuthenticationHeaderValue BasicAuthorization() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}")));

    private static async Task<HttpResponseMessage> Transport(OciReference reference, Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw HttpFailure.Transport(reference.ToString(), $"https://{reference.Registry}/", e);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, OciReference reference, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await RegistryErrorsAsync(response, cancellationToken).ConfigureAwait(false);
        var failure = HttpFailure.FromStatus(response.StatusCode, $"the {what} of {reference}", response.RequestMessage?.RequestUri?.ToString() ?? reference.ToString(), detail);
        if (response.StatusCode == HttpStatusCode.NotFound && what == "manifest")
        {
            throw new ChartSourceException(ChartSourceErrorIds.ChartNotFound, ErrorKind.ObjectNotFound,
                $"{reference}: not found{(detail is null ? "" : $" ({detail})")}", reference.ToString(),
                "Check the chart path and version; the registry has no manifest by that tag or digest.", failure);
        }

        throw failure;
    }

    /// <summary>The registry's own error codes and messages (distribution's {"errors":[...]}), when it sent some.</summary>
    private static async Task<string?> RegistryErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            return document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? string.Join("; ", errors.EnumerateArray().Select(e => $"{e.GetProperty("code").GetString()}: {(e.TryGetProperty("message", out var m) ? m.GetString() : "")}"))
                : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? NextPage(HttpResponseMessage response, string current)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links)
        {
            var open = link.IndexOf('<', StringComparison.Ordinal);
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (open >= 0 && close > open && link.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                return new Uri(new Uri(current), link[(open + 1)..close]).AbsoluteUri;
            }
        }

        return null;
    }

    private string BaseUrl(OciReference reference) => $"{(_options.PlainHttp ? "http" : "https")}://{reference.Registry}/v2/{reference.Repository}";

    private static string Pull(OciReference reference) => $"repository:{reference.Repository}:pull";

    private static string Push(OciReference reference) => $"repository:{reference.Repository}:pull,push";

    private static ByteArrayContent Bytes(byte[] data, string mediaType)
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static ChartSourceException DigestMismatch(OciReference reference, string what, string expected, string actual) =>
        new(ChartSourceErrorIds.DigestMismatch, ErrorKind.InvalidData, $"the {what} of {reference} has digest {actual}, not {expected}", reference.ToString(),
            "The registry served different content than it announced; pull again, or check the registry.");

    private static ChartSourceException InvalidManifest(OciReference reference, string why) =>
        new(ChartSourceErrorIds.InvalidManifest, ErrorKind.InvalidData, $"{reference}: {why}", reference.ToString());
}
