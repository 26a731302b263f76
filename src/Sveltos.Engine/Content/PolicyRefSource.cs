using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Content;

/// <summary>
/// spec.policyRefs: objects held in ConfigMaps and Secrets of the fleet, each data key one or many
/// YAML/JSON objects. Secrets must be of type addons.projectsveltos.io/cluster-profile, as in Sveltos.
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
        foreach (var reference in request.Profile.Spec.PolicyRefs)
        {
            var refWhere = $"{request.Profile.Identity} policyRef {reference.Kind} {reference.Namespace}/{reference.Name}";
            if ($"{reference.Namespace}{reference.Name}".Contains("{{", StringComparison.Ordinal))
            {
                data ??= await request.TemplateDataAsync(cancellationToken).ConfigureAwait(false);
            }

            var name = data is null ? reference.Name : ContentTemplates.RenderField(reference.Name, $"{refWhere} name", data, cancellationToken);
            var ns = !string.IsNullOrEmpty(reference.Namespace)
                ? (data is null ? reference.Namespace : ContentTemplates.RenderField(reference.Namespace, $"{refWhere} namespace", data, cancellationToken))
                : request.ReferenceNamespace;
            var where = $"{request.Profile.Identity} policyRef {reference.Kind} {ns}/{name}";
            if (reference.Kind is not ("ConfigMap" or "Secret"))
            {
                throw new ContentException("ContentKindUnsupported", $"{where}: kind '{reference.Kind}' is not supported here; use a ConfigMap or Secret.", request.Profile.Identity);
            }

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
                data ??= await request.TemplateDataAsync(cancellationToken).ConfigureAwait(false);
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
}
