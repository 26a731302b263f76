using System.Text;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// <c>helm template --output-dir</c>: every document goes to <c>&lt;dir&gt;/&lt;its source path&gt;</c> (so
/// <c>&lt;chart&gt;/templates/x.yaml</c>, <c>&lt;chart&gt;/charts/&lt;sub&gt;/templates/x.yaml</c>), with the same
/// <c>---\n# Source:</c> header as on stdout. The first document written to a path in this run replaces the file and
/// later ones are appended (CRDs, then manifests); a hook is appended whenever its file already exists, as Helm does.
/// </summary>
public static class HelmOutputDirectoryWriter
{
    /// <summary>Writes the files and returns what Helm prints meanwhile: a "wrote &lt;file&gt;" line per document, then the (empty) release text.</summary>
    public static string Write(
        string directory,
        IEnumerable<KeyValuePair<string, string>> crds,
        IEnumerable<RenderedManifest> manifests,
        IEnumerable<HelmHook> hooks,
        bool skipTests,
        IReadOnlyList<string>? showOnly)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(crds);
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(hooks);
        var printed = new StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (filename, content) in crds)
        {
            WriteDocument(directory, filename, content, written.Contains(filename), printed);
            written.Add(filename);
        }

        foreach (var manifest in manifests)
        {
            WriteDocument(directory, manifest.Name, manifest.Content, written.Contains(manifest.Name), printed);
            written.Add(manifest.Name);
        }

        var output = HelmTemplatePrinter.Finish(HelmTemplatePrinter.ReleaseManifest(""), hooks, skipTests, showOnly, hook =>
        {
            WriteDocument(directory, hook.Path, hook.Manifest, File.Exists(PathOf(directory, hook.Path)), printed);
            return null;
        });
        return printed.Append(output).ToString();
    }

    private static string PathOf(string directory, string source) => Path.Combine([directory, .. source.Split('/')]);

    private static void WriteDocument(string directory, string source, string content, bool append, StringBuilder printed)
    {
        var path = PathOf(directory, source);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder();
        HelmTemplatePrinter.AppendSource(text, source, content);
        if (append)
        {
            File.AppendAllText(path, text.ToString());
        }
        else
        {
            File.WriteAllText(path, text.ToString());
        }

        printed.Append("wrote ").Append(path).Append('\n');
    }
}
