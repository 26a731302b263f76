using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

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
        foreach (var reference in request.Profile.Spec.PolicyRefs)
        {
            var ns = !string.IsNullOrEmpty(reference.Namespace)
                ? reference.Namespace
                : request.Profile.Kind == ProfileKind.Profile ? request.Profile.Namespace! : request.Cluster.Namespace;
            var where = $"{request.Profile.Identity} policyRef {reference.Kind} {ns}/{reference.Name}";
            if (request.Profile.Kind == ProfileKind.Profile && ns != request.Profile.Namespace)
            {
                throw new ContentException("ContentOutsideNamespace", $"{where}: a Profile may only reference content in its own namespace '{request.Profile.Namespace}'.", request.Profile.Identity);
            }

            if (reference.Kind is not ("ConfigMap" or "Secret"))
            {
                throw new ContentException("ContentKindUnsupported", $"{where}: kind '{reference.Kind}' is not supported here; use a ConfigMap or Secret.", request.Profile.Identity);
            }

            var source = await request.Fleet.GetObjectAsync("v1", reference.Kind, ns, reference.Name, cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                if (reference.Optional)
                {
                    continue;
                }

                throw new ContentException(
                    "ContentSourceNotFound",
                    $"{where}: {reference.Kind} {ns}/{reference.Name} does not exist in {request.Fleet.Description}.",
                    request.Profile.Identity,
                    "Create it, correct the reference, or mark the reference optional. Nothing was deployed or removed for this cluster.");
            }

            if (reference.Kind == "Secret" && KubeObject.Text(source["type"]) != SecretType)
            {
                throw new ContentException(
                    "ContentSecretWrongType",
                    $"{where}: Secret {ns}/{reference.Name} has type '{KubeObject.Text(source["type"])}'; content Secrets must have type '{SecretType}'.",
                    request.Profile.Identity,
                    $"Create the Secret with type {SecretType} (kubectl create secret generic ... --type={SecretType}).");
            }

            if (KubeObject.Annotations(source).ContainsKey(TemplateAnnotation))
            {
                throw new ContentException(
                    "TemplateNotSupported",
                    $"{where}: templated content (annotation {TemplateAnnotation}) is not supported yet.",
                    request.Profile.Identity,
                    "Remove the annotation to deploy the content as it is.");
            }

            sources.Add(new SourceVersion(reference.Kind, ns, reference.Name, KubeObject.ResourceVersion(source)));
            var target = reference.DeploymentType;
            var values = reference.Kind == "Secret" ? SecretData.Decode(source) : KubeObject.StringMap(source["data"]);
            foreach (var (key, text) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var sourceRef = new SourceRef(reference.Kind, ns, reference.Name, key);
                foreach (var obj in ManifestReader.Read(text, $"{where} key '{key}'"))
                {
                    objects.Add(new ContentObject(obj, sourceRef, Tracking.ResourcesReason, target));
                }
            }
        }

        return new ContentResult(objects, sources);
    }
}
