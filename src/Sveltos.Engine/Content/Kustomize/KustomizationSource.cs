using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sveltos.Engine.Content.Sources;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Content.Kustomize;

/// <summary>
/// spec.kustomizationRefs held in ConfigMaps and Secrets of the fleet: the one data key's .tar.gz unpacked (once per
/// content), kustomize built in its <c>path</c>, and, when the entry has values, the output rendered as a Go template
/// over those values (each itself a template over the cluster's data), as Sveltos does; <c>targetNamespace</c> puts
/// every namespaced object there. The objects go through the same plan and apply as policyRef content.
/// </summary>
public sealed class KustomizationSource : IContentSource
{
    private static readonly GoTemplateRenderer Renderer = new();
    private static readonly SemaphoreSlim ToolGate = new(1, 1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> Builds = new(StringComparer.Ordinal);
    private static KustomizeTool? tool;

    public async Task<ContentResult> ResolveAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        var objects = new List<ContentObject>();
        var sources = new List<SourceVersion>();
        TemplateData? data = null;
        async Task<TemplateData> Data() => data ??= await request.TemplateDataAsync(cancellationToken).ConfigureAwait(false);
        var references = request.Profile.Spec.KustomizationRefs;
        for (var index = 0; index < references.Count; index++)
        {
            var reference = references[index];
            var at = $"{request.Profile.Identity} kustomizationRefs[{index}]";
            var name = reference.Name.Contains("{{", StringComparison.Ordinal) ? ContentTemplates.RenderField(reference.Name, $"{at} name", await Data().ConfigureAwait(false), cancellationToken) : reference.Name;
            var ns = string.IsNullOrEmpty(reference.Namespace) ? request.ReferenceNamespace
                : reference.Namespace.Contains("{{", StringComparison.Ordinal) ? ContentTemplates.RenderField(reference.Namespace, $"{at} namespace", await Data().ConfigureAwait(false), cancellationToken) : reference.Namespace;
            var path = reference.Path is { Length: > 0 } p ? (p.Contains("{{", StringComparison.Ordinal) ? ContentTemplates.RenderField(p, $"{at} path", await Data().ConfigureAwait(false), cancellationToken) : p) : ".";
            var where = $"{at} ({reference.Kind} {ns}/{name} path {path})";
            var source = await ContentSourceFetch.GetAsync(
                request, reference.Kind, ns, name, reference.Optional, where, "content",
                "Create it (kubectl create configmap <name> --from-file=content.tar.gz), correct the reference, or mark it optional. Nothing was deployed or removed for this cluster.",
                cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                continue;
            }

            sources.Add(new SourceVersion(reference.Kind, ns, name, KubeObject.ResourceVersion(source)));
            var folder = Path.GetFullPath(Path.Combine(Unpack(Tarball(source, reference.Kind, where), where), path));
            if (!Directory.Exists(folder))
            {
                throw new ContentException("KustomizePathNotFound", $"{where}: the tarball has no folder '{path}'.", request.Profile.Identity, "Correct path: it is relative to the root of the tarball.");
            }

            var kustomize = await ToolAsync(cancellationToken).ConfigureAwait(false);
            request.Verbose($"{request.Cluster}: {where}: built with {kustomize.Description}.");
            var built = await BuildAsync(kustomize, folder, where, cancellationToken).ConfigureAwait(false);
            if (reference.Values.Count > 0)
            {
                built = await SubstituteAsync(built, reference, where, Data, cancellationToken).ConfigureAwait(false);
            }

            var sourceRef = new SourceRef(reference.Kind, ns, name, path);
            foreach (var obj in ManifestReader.Read(built, where, reference.Kind == "Secret"))
            {
                if (reference.TargetNamespace is { Length: > 0 } target && obj["metadata"] is JsonObject metadata && metadata.ContainsKey("namespace"))
                {
                    metadata["namespace"] = target;
                }

                objects.Add(new ContentObject(obj, sourceRef, Tracking.KustomizeReason, reference.DeploymentType)
                {
                    DefaultNamespace = reference.TargetNamespace is { Length: > 0 } into ? into : "default",
                });
            }
        }

        return new ContentResult(objects, sources);
    }

    /// <summary>
    /// The build of a folder of an unpacked tarball (named by its digest, so the same content): built once and shared
    /// by every cluster, since values are substituted afterwards.
    /// </summary>
    private static async Task<string> BuildAsync(KustomizeTool kustomize, string folder, string where, CancellationToken cancellationToken)
    {
        if (Builds.Count > 256)
        {
            Builds.Clear();
        }

        var build = Builds.GetOrAdd(folder, f => new Lazy<Task<string>>(() => kustomize.BuildAsync(f, where, CancellationToken.None)));
        try
        {
            return await build.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ContentException ex)
        {
            // A failed build is not kept (the next sync runs it again); a caller sharing it gets the message with its own reference.
            Builds.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(folder, build));
            var cause = ex.Message.IndexOf(": kustomize build failed", StringComparison.Ordinal);
            throw cause < 0 ? ex : new ContentException(ex.ErrorId, where + ex.Message[cause..], where, ex.RecommendedAction);
        }
    }

    /// <summary>The tarball of a content ConfigMap or Secret: its one data key (binaryData, or base64 data).</summary>
    private static byte[] Tarball(JsonObject source, string kind, string where)
    {
        if (kind == "Secret" && KubeObject.Text(source["type"]) != PolicyRefSource.SecretType)
        {
            throw new ContentException(
                "ContentSecretWrongType",
                $"{where}: the Secret has type '{KubeObject.Text(source["type"])}'; content Secrets must have type '{PolicyRefSource.SecretType}'.",
                where,
                $"Create the Secret with type {PolicyRefSource.SecretType}.");
        }

        var entries = kind == "ConfigMap" ? KubeObject.StringMap(source["binaryData"]) : KubeObject.StringMap(source["data"]);
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

    /// <summary>Unpacks once per distinct tarball, into a folder named by its digest.</summary>
    private static string Unpack(byte[] tarball, string where)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sveltos-kustomize", Convert.ToHexString(SHA256.HashData(tarball)).ToLowerInvariant());
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var partial = folder + "." + Guid.NewGuid().ToString("N");
        TarballArchive.Extract(tarball, partial, where);
        try
        {
            Directory.Move(partial, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another sync unpacked the same tarball meanwhile.
            Directory.Delete(partial, recursive: true);
        }

        return folder;
    }

    /// <summary>values: each one rendered for the cluster, then the built output rendered as a template over them.</summary>
    private static async Task<string> SubstituteAsync(string built, KustomizationReference reference, string where, Func<Task<TemplateData>> data, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in reference.Values)
        {
            values[key] = value.Contains("{{", StringComparison.Ordinal) ? ContentTemplates.RenderField(value, $"{where} values.{key}", await data().ConfigureAwait(false), cancellationToken) : value;
        }

        try
        {
            return Renderer.Compile(built, $"{where} (kustomize output)").Render(values, cancellationToken);
        }
        catch (TemplateException) when (reference.Kind == "Secret")
        {
            throw new ContentException("TemplateFailed", $"{where}: the kustomize output does not render with the values; {SecretText.Withheld}.", where);
        }
    }

    private static async Task<KustomizeTool> ToolAsync(CancellationToken cancellationToken)
    {
        if (tool is { } found)
        {
            return found;
        }

        await ToolGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return tool ??= await KustomizeTool.FindAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ToolGate.Release();
        }
    }
}
