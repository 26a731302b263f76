using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// helmCharts[].valuesFrom: ConfigMaps and Secrets of the fleet whose every data key holds chart values (YAML),
/// merged over the entry's values in list order, keys in name order, as Sveltos merges them. Names and namespaces
/// may be templates; a source annotated projectsveltos.io/template is rendered for the cluster first.
/// </summary>
internal static class HelmValuesFrom
{
    /// <summary>One values text, where it came from, and whether it came from a Secret (its text never shown).</summary>
    public sealed record ValuesText(string Text, string Source, bool FromSecret);

    public static async Task<(IReadOnlyList<ValuesText> Values, IReadOnlyList<SourceVersion> Versions)> ReadAsync(
        ContentRequest request, HelmChart chart, string where, Func<Task<TemplateData>> data, CancellationToken cancellationToken)
    {
        var values = new List<ValuesText>();
        var versions = new List<SourceVersion>();
        foreach (var reference in chart.ValuesFrom)
        {
            var refWhere = $"{where} valuesFrom {reference.Kind} {reference.Namespace}/{reference.Name}";
            if (reference.Kind is not ("ConfigMap" or "Secret"))
            {
                throw new ContentException("ContentKindUnsupported", $"{refWhere}: kind '{reference.Kind}' is not supported here; use a ConfigMap or Secret.", request.Profile.Identity);
            }

            var name = await ContentSourceFetch.FieldAsync(reference.Name, $"{refWhere} name", data, cancellationToken).ConfigureAwait(false);
            var ns = await ContentSourceFetch.NamespaceAsync(request, reference.Namespace, $"{refWhere} namespace", data, cancellationToken).ConfigureAwait(false);
            var at = $"{where} valuesFrom {reference.Kind} {ns}/{name}";
            var source = await ContentSourceFetch.GetAsync(
                request, reference.Kind, ns, name, reference.Optional, at, "values",
                "Create it, correct the reference, or mark it optional. Nothing was deployed or removed for this cluster.",
                cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                continue;
            }

            versions.Add(new SourceVersion(reference.Kind, ns, name, KubeObject.ResourceVersion(source)));
            var fromSecret = reference.Kind == "Secret";
            var templated = KubeObject.Annotations(source).ContainsKey(PolicyRefSource.TemplateAnnotation);
            var texts = fromSecret ? SecretData.Decode(source) : KubeObject.StringMap(source["data"]);
            foreach (var (key, text) in texts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var keyWhere = $"{reference.Kind} {ns}/{name} key '{key}'";
                var rendered = text;
                if (templated)
                {
                    try
                    {
                        rendered = ContentTemplates.Render(text, keyWhere, await data().ConfigureAwait(false), TemplateLanguage.Go, cancellationToken);
                    }
                    catch (TemplateException ex) when (fromSecret)
                    {
                        throw Redaction.SecretText.Withhold(ex);
                    }
                }

                values.Add(new ValuesText(rendered, $"{where} {keyWhere}", fromSecret));
            }
        }

        return (values, versions);
    }
}
