namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// A rendered chart: the manifests in install order, the hooks, the CRDs (crds/ files, in the output only with
/// IncludeCrds), the NOTES (rendered, never in the stream), <see cref="HelmTemplateOutput"/> (exactly what
/// <c>helm template</c> prints) and <see cref="Documents"/> (the same documents as objects).
/// </summary>
public sealed class HelmRenderResult
{
    internal HelmRenderResult(string releaseName, HelmRenderOptions options, IReadOnlyList<KeyValuePair<string, string>> crds, IReadOnlyList<RenderedManifest> manifests, IReadOnlyList<HelmHook> hooks, string notes, IReadOnlyList<string> warnings)
    {
        ReleaseName = releaseName;
        Options = options;
        Crds = crds;
        Manifests = manifests;
        Hooks = hooks;
        Notes = notes;
        Warnings = warnings;
        var printedCrds = options.IncludeCrds ? crds : [];
        HelmTemplateOutput = HelmTemplatePrinter.Print(printedCrds, manifests, hooks, options.SkipTests, options.ShowOnly, options.HideSecret);
        Documents = DocumentsOf(printedCrds);
    }

    public string ReleaseName { get; }

    public HelmRenderOptions Options { get; }

    /// <summary>Every crds/ file of the chart tree: its path from the root chart and its text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Crds { get; }

    public IReadOnlyList<RenderedManifest> Manifests { get; }

    public IReadOnlyList<HelmHook> Hooks { get; }

    /// <summary>The root chart's rendered templates/NOTES.txt ("" when it has none).</summary>
    public string Notes { get; }

    /// <summary>What Helm logs while preparing the values (e.g. a condition path that is not a boolean).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Byte for byte what <c>helm template</c> prints on stdout.</summary>
    public string HelmTemplateOutput { get; }

    /// <summary>The documents of <see cref="HelmTemplateOutput"/>, in its order.</summary>
    public IReadOnlyList<RenderedDocument> Documents { get; }

    /// <summary>Writes Helm's <c>--output-dir</c> layout under <paramref name="directory"/> and returns what Helm prints meanwhile.</summary>
    public string WriteOutputDirectory(string directory) =>
        HelmOutputDirectoryWriter.Write(directory, Options.IncludeCrds ? Crds : [], Manifests, Hooks, Options.SkipTests, Options.ShowOnly);

    private List<RenderedDocument> DocumentsOf(IReadOnlyList<KeyValuePair<string, string>> crds)
    {
        var all = new List<RenderedDocument>();
        foreach (var (filename, text) in crds)
        {
            foreach (var document in ManifestSplitter.Split(text))
            {
                var head = HeadOrEmpty(document);
                all.Add(new RenderedDocument(filename, head.ApiVersion, head.Kind, head.Name, head.Namespace, null, document) { IsCrd = true });
            }
        }

        all.AddRange(Manifests.Select(RenderedDocument.Of));
        all.AddRange(Hooks.Where(h => !(Options.SkipTests && h.IsTest)).Select(RenderedDocument.Of));
        if (Options.ShowOnly.Count == 0)
        {
            return all;
        }

        // As Helm's --show-only: pattern by pattern, the documents whose path below the chart name matches.
        return Options.ShowOnly
            .SelectMany(pattern => all.Where(d => HelmTemplatePrinter.Matches(pattern.Replace('\\', '/'), d.Source[(d.Source.IndexOf('/', StringComparison.Ordinal) + 1)..])))
            .ToList();
    }

    private static ManifestHead HeadOrEmpty(string document)
    {
        try
        {
            return ManifestHead.Parse(document);
        }
        catch (FormatException)
        {
            return new ManifestHead("", "", "", null, null);
        }
    }
}
