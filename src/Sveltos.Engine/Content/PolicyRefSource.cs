using System.Text.Json.Nodes;
using Sveltos.Engine.Content.Sources;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Content;

/// <summary>
/// spec.policyRefs: objects held in ConfigMaps and Secrets of the fleet, each data key one or many
/// YAML/JSON objects (Secrets must be of type addons.projectsveltos.io/cluster-profile, as in Sveltos), or the
/// YAML/JSON files under path of a Flux source, a Git repository or a remoteURL (<see cref="ContentSources"/>).
/// </summary>
public sealed class PolicyRefSource : IContentSource
{
    public const string SecretType = "addons.projectsveltos.io/cluster-profile";
    public const string TemplateAnnotation = "projectsveltos.io/template";

    public async Task<ContentResult> ResolveAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        var objects = new List<ContentObject>();
        var sources = new List<SourceVersion>();
        var pending = new Dictionary<DeploymentType, string>();
        TemplateData? data = null;
        async Task<TemplateData> Data() => data ??= await request.TemplateDataAsync(cancellationToken).ConfigureAwait(false);
        foreach (var reference in request.Profile.Spec.PolicyRefs)
        {
            if (reference.RemoteUrl is not null || reference.Kind is not ("ConfigMap" or "Secret"))
            {
                await AddFilesAsync(request, reference, Data, objects, sources, pending, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var refWhere = $"{request.Profile.Identity} policyRef {reference.Kind} {reference.Namespace}/{reference.Name}";
            var name = await ContentSourceFetch.FieldAsync(reference.Name, $"{refWhere} name", Data, cancellationToken).ConfigureAwait(false);
            var ns = await ContentSourceFetch.NamespaceAsync(request, reference.Namespace, $"{refWhere} namespace", Data, cancellationToken).ConfigureAwait(false);
            var where = $"{request.Profile.Identity} policyRef {reference.Kind} {ns}/{name}";
            var source = await ContentSourceFetch.GetAsync(
                request, reference.Kind, ns, name, reference.Optional, where, "content",
                "Create it, correct the reference, or mark the reference optional. Nothing was deployed or removed for this cluster.",
                cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                continue;
            }

            if (reference.Kind == "Secret" && KubeObject.Text(source["type"]) != SecretType)
            {
                throw new ContentException(
                    "ContentSecretWrongType",
                    $"{where}: Secret {ns}/{name} has type '{KubeObject.Text(source["type"])}'; content Secrets must have type '{SecretType}'.",
                    request.Profile.Identity,
                    $"Create the Secret with type {SecretType} (kubectl create secret generic ... --type={SecretType}).");
            }

            var templated = KubeObject.Annotations(source).ContainsKey(TemplateAnnotation);
            KubeObject.Annotations(source).TryGetValue(ContentTemplates.LanguageAnnotation, out var language);
            var templateLanguage = templated ? ContentTemplates.LanguageOf(source, $"{reference.Kind} {ns}/{name}") : TemplateLanguage.Go;
            if (templated)
            {
                await Data().ConfigureAwait(false);
            }

            sources.Add(new SourceVersion(reference.Kind, ns, name, KubeObject.ResourceVersion(source)));
            var target = reference.DeploymentType;
            var heldInSecret = reference.Kind == "Secret";
            var values = heldInSecret ? SecretData.Decode(source) : KubeObject.StringMap(source["data"]);
            foreach (var (key, text) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var sourceRef = new SourceRef(reference.Kind, ns, name, key);
                var keyWhere = $"{reference.Kind} {ns}/{name} key '{key}'";
                if (pending.ContainsKey(target))
                {
                    continue;
                }

                string manifests;
                string? renderedFrom = null;
                try
                {
                    manifests = templated ? ContentTemplates.Render(text, keyWhere, data!, templateLanguage, cancellationToken) : text;
                    if (templated)
                    {
                        // The annotation as written (absent for most content), so content deployed before Go became the
                        // only default keeps its hash, and the keys and passwords it generated.
                        renderedFrom = ObjectHasher.Hash($"{language}\n{text}\n{data!.Fingerprint}");
                    }
                }
                catch (TemplateException ex) when (TemplateWaits.For(request, ex) is { } waitsFor)
                {
                    pending[target] = $"{request.Profile.Identity} on cluster {request.Cluster}: {keyWhere} waits for {waitsFor} in {request.Fleet.Description}.";
                    continue;
                }
                catch (TemplateException ex) when (heldInSecret)
                {
                    throw SecretText.Withhold(ex);
                }

                foreach (var obj in ManifestReader.Read(manifests, $"{where} key '{key}'", heldInSecret))
                {
                    objects.Add(new ContentObject(obj, sourceRef, Tracking.ResourcesReason, target) { RenderedFrom = renderedFrom });
                }
            }
        }

        return new ContentResult(objects, sources) { Pending = pending };
    }

    /// <summary>The objects of a Flux source's or remoteURL's files, rendered when the source is templated.</summary>
    private static async Task AddFilesAsync(
        ContentRequest request, PolicyReference reference, Func<Task<TemplateData>> data, List<ContentObject> objects, List<SourceVersion> sources, Dictionary<DeploymentType, string> pending, CancellationToken cancellationToken)
    {
        var (found, version, templated) = await FilesAsync(request, reference, data, cancellationToken).ConfigureAwait(false);
        if (version is not null)
        {
            sources.Add(version);
        }

        foreach (var (text, fileWhere, sourceRef) in found)
        {
            if (pending.ContainsKey(reference.DeploymentType))
            {
                return;
            }

            string manifests;
            string? renderedFrom = null;
            try
            {
                if (templated)
                {
                    var values = await data().ConfigureAwait(false);
                    manifests = ContentTemplates.Render(text, fileWhere, values, TemplateLanguage.Go, cancellationToken);
                    renderedFrom = ObjectHasher.Hash($"{text}\n{values.Fingerprint}");
                }
                else
                {
                    manifests = text;
                }
            }
            catch (TemplateException ex) when (TemplateWaits.For(request, ex) is { } waitsFor)
            {
                pending[reference.DeploymentType] = $"{request.Profile.Identity} on cluster {request.Cluster}: {fileWhere} waits for {waitsFor} in {request.Fleet.Description}.";
                return;
            }

            foreach (var obj in ManifestReader.Read(manifests, fileWhere, heldInSecret: false))
            {
                objects.Add(new ContentObject(obj, sourceRef, Tracking.ResourcesReason, reference.DeploymentType) { RenderedFrom = renderedFrom });
            }
        }
    }

    /// <summary>
    /// A Flux source's or remoteURL's files under path (.yaml, .yml, .json, in path order), as Sveltos reads them; a
    /// Flux source annotated projectsveltos.io/template has its files rendered for the cluster.
    /// </summary>
    private static async Task<(IReadOnlyList<(string Text, string Where, SourceRef Source)> Files, SourceVersion? Version, bool Templated)> FilesAsync(
        ContentRequest request, PolicyReference reference, Func<Task<TemplateData>> data, CancellationToken cancellationToken)
    {
        var at = $"{request.Profile.Identity} policyRef";
        var path = reference.Path is { Length: > 0 } p ? await ContentSourceFetch.FieldAsync(p, $"{at} path", data, cancellationToken).ConfigureAwait(false) : ".";
        var source = await SourceReference.ForAsync(request, reference.Kind, reference.Namespace, reference.Name, reference.RemoteUrl, reference.Optional, at, path, data, cancellationToken).ConfigureAwait(false);
        var fetched = await ContentSources.FetchAsync(request, source, cancellationToken).ConfigureAwait(false);
        if (fetched is null)
        {
            return ([], null, false);
        }

        var folder = fetched.Folder(path, source.Where, source.Where);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (File.ReadAllText(Path.Combine(folder, f)), $"{source.Where} file '{f}'", new SourceRef(source.Kind, source.Namespace, source.Name, f)))
            .ToList();
        request.Verbose($"{request.Cluster}: {source.Where}: revision {fetched.Revision}, {files.Count} file(s).");
        var templated = fetched.Object is { } holder && KubeObject.Annotations(holder).ContainsKey(TemplateAnnotation);
        return (files, new SourceVersion(source.Kind, source.Namespace, source.Name, fetched.Revision), templated);
    }
}
