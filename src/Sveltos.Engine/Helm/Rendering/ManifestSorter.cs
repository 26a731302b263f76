namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// Helm's releaseutil.SortManifests: the rendered templates, in path order, split into documents; partials and
/// blank templates skipped; each document a hook or a manifest; both lists then sorted by <see cref="InstallOrder"/>.
/// </summary>
public static class ManifestSorter
{
    public static (IReadOnlyList<HelmHook> Hooks, IReadOnlyList<RenderedManifest> Manifests) Sort(IReadOnlyDictionary<string, string> renderedTemplates)
    {
        ArgumentNullException.ThrowIfNull(renderedTemplates);
        var hooks = new List<HelmHook>();
        var manifests = new List<RenderedManifest>();
        foreach (var path in renderedTemplates.Keys.Order(StringComparer.Ordinal))
        {
            var content = renderedTemplates[path];
            if (GoText.BaseName(path).StartsWith('_') || GoText.TrimSpace(content).Length == 0)
            {
                continue;
            }

            foreach (var document in ManifestSplitter.Split(content))
            {
                ManifestHead head;
                try
                {
                    head = ManifestHead.Parse(document);
                }
                catch (FormatException e)
                {
                    throw new HelmException(
                        HelmRenderErrorIds.YamlParseError,
                        ErrorKind.InvalidData,
                        $"YAML parse error on {path}: {e.Message}",
                        chart: ChartOf(path),
                        file: path,
                        recommendedAction: "Fix the template so that it renders valid YAML; the usual cause is text included without the right indent/nindent.");
                }

                var hook = HelmHook.From(path, document, head, out var unknownHook);
                if (hook is not null)
                {
                    hooks.Add(hook);
                }
                else if (!unknownHook)
                {
                    manifests.Add(new RenderedManifest(path, document, head));
                }
            }
        }

        return (InstallOrder.Sort(hooks, h => h.Kind), InstallOrder.Sort(manifests, m => m.Head.Kind));
    }

    /// <summary>The chart part of a template path: <c>parent/charts/sub</c> of <c>parent/charts/sub/templates/x.yaml</c>.</summary>
    internal static string ChartOf(string templatePath)
    {
        var at = templatePath.LastIndexOf("/templates/", StringComparison.Ordinal);
        return at < 0 ? templatePath : templatePath[..at];
    }
}
