using System.Text.Json.Nodes;
using Sveltos.Engine.Content.Sources;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Content.Kustomize;

/// <summary>
/// spec.kustomizationRefs: the source's files (<see cref="ContentSources"/>: a ConfigMap/Secret tarball, a Flux source,
/// a Git repository, the fleet's checkout, a remoteURL), kustomize built in its <c>path</c> with the entry's
/// <c>components</c>, and, when the entry has values or valuesFrom, the output rendered as a Go template over those
/// values (each itself a template over the cluster's data), as Sveltos does; <c>targetNamespace</c> puts every
/// namespaced object there. The objects go through the same plan and apply as policyRef content.
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
            var path = reference.Path is { Length: > 0 } p ? await ContentSourceFetch.FieldAsync(p, $"{at} path", Data, cancellationToken).ConfigureAwait(false) : ".";
            var source = await SourceReference.ForAsync(request, reference.Kind, reference.Namespace, reference.Name, reference.RemoteUrl, reference.Optional, at, path, Data, cancellationToken).ConfigureAwait(false);
            var fetched = await ContentSources.FetchAsync(request, source, cancellationToken).ConfigureAwait(false);
            if (fetched is null)
            {
                continue;
            }

            sources.Add(new SourceVersion(source.Kind, source.Namespace, source.Name, fetched.Revision));
            var folder = KustomizeFolder.Prepare(fetched, fetched.Folder(path, source.Where, source.Where), reference.Components, source.Where);
            var kustomize = await ToolAsync(cancellationToken).ConfigureAwait(false);
            request.Verbose($"{request.Cluster}: {source.Where}: revision {fetched.Revision}, built with {kustomize.Description}.");
            var built = await BuildAsync(kustomize, folder, fetched.Revision, source.Where, cancellationToken).ConfigureAwait(false);
            var heldInSecret = reference.Kind == "Secret";
            var values = await ValuesAsync(request, reference, source.Where, Data, sources, cancellationToken).ConfigureAwait(false);
            if (values.Count > 0)
            {
                built = Substitute(built, values.Values, source.Where, heldInSecret || values.FromSecret);
            }

            var sourceRef = new SourceRef(source.Kind, source.Namespace, source.Name, path);
            foreach (var obj in ManifestReader.Read(built, source.Where, heldInSecret))
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
    /// The build of a prepared folder at a revision: built once and shared by every cluster, since values are
    /// substituted afterwards; a new revision (or a fleet checkout edited in place) builds again.
    /// </summary>
    private static async Task<string> BuildAsync(KustomizeTool kustomize, string folder, string revision, string where, CancellationToken cancellationToken)
    {
        if (Builds.Count > 256)
        {
            Builds.Clear();
        }

        var key = $"{revision}\n{folder}";
        var build = Builds.GetOrAdd(key, _ => new Lazy<Task<string>>(() => kustomize.BuildAsync(folder, where, CancellationToken.None)));
        try
        {
            return await build.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ContentException ex)
        {
            // A failed build is not kept (the next sync runs it again); a caller sharing it gets the message with its own reference.
            Builds.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, build));
            var cause = ex.Message.IndexOf(": kustomize build failed", StringComparison.Ordinal);
            throw cause < 0 ? ex : new ContentException(ex.ErrorId, where + ex.Message[cause..], where, ex.RecommendedAction);
        }
    }

    private sealed record SubstituteValues(Dictionary<string, object?> Values, bool FromSecret)
    {
        public int Count => Values.Count;
    }

    /// <summary>values, then every key of each valuesFrom ConfigMap/Secret over them (as Sveltos merges), each rendered for the cluster when a template.</summary>
    private static async Task<SubstituteValues> ValuesAsync(ContentRequest request, KustomizationReference reference, string where, Func<Task<TemplateData>> data, List<SourceVersion> sources, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var fromSecret = false;
        foreach (var (key, value) in reference.Values)
        {
            values[key] = await ContentSourceFetch.FieldAsync(value, $"{where} values.{key}", data, cancellationToken).ConfigureAwait(false);
        }

        foreach (var valuesFrom in reference.ValuesFrom)
        {
            var name = await ContentSourceFetch.FieldAsync(valuesFrom.Name, $"{where} valuesFrom name", data, cancellationToken).ConfigureAwait(false);
            var ns = await ContentSourceFetch.NamespaceAsync(request, valuesFrom.Namespace, $"{where} valuesFrom namespace", data, cancellationToken).ConfigureAwait(false);
            var at = $"{where} valuesFrom {valuesFrom.Kind} {ns}/{name}";
            var holder = await ContentSourceFetch.GetAsync(request, valuesFrom.Kind, ns, name, valuesFrom.Optional, at, "values", "Create it, correct the reference, or mark it optional. Nothing was deployed or removed for this cluster.", cancellationToken).ConfigureAwait(false);
            if (holder is null)
            {
                continue;
            }

            sources.Add(new SourceVersion(valuesFrom.Kind, ns, name, KubeObject.ResourceVersion(holder)));
            var secret = valuesFrom.Kind == "Secret";
            fromSecret |= secret;
            foreach (var (key, value) in (secret ? SecretData.Decode(holder) : KubeObject.StringMap(holder["data"])).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                try
                {
                    values[key] = await ContentSourceFetch.FieldAsync(value, $"{at} key '{key}'", data, cancellationToken).ConfigureAwait(false);
                }
                catch (TemplateException ex) when (secret)
                {
                    throw SecretText.Withhold(ex);
                }
            }
        }

        return new SubstituteValues(values, fromSecret);
    }

    /// <summary>The built output rendered as a template over the values.</summary>
    private static string Substitute(string built, Dictionary<string, object?> values, string where, bool withhold)
    {
        try
        {
            return Renderer.Compile(built, $"{where} (kustomize output)").Render(values, CancellationToken.None);
        }
        catch (TemplateException) when (withhold)
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
