using System.Text;
using System.Text.RegularExpressions;
using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// Writes what <c>helm template</c> prints on stdout: the release manifest (CRDs first when asked for, then the
/// manifests, each <c>---\n# Source: &lt;path&gt;\n&lt;doc&gt;\n</c>, the whole trimmed and ended by a newline), then
/// the hooks the same way (test hooks left out with SkipTests). With ShowOnly, that text is split again and only
/// the documents whose source matches a pattern (Go's filepath.Match on the path below the chart name) are printed,
/// pattern by pattern. With hideSecret (<c>--hide-secret</c>), a manifest that is a v1 Secret is printed as its
/// source line and <see cref="HiddenSecret"/> alone; hooks and CRDs are printed whole, as Helm prints them.
/// </summary>
public static partial class HelmTemplatePrinter
{
    /// <summary>What Helm prints in place of a Secret's body with --hide-secret (pkg/action/action.go).</summary>
    public const string HiddenSecret = "# HIDDEN: The Secret output has been suppressed";

    public static string Print(
        IEnumerable<KeyValuePair<string, string>> crds,
        IEnumerable<RenderedManifest> manifests,
        IEnumerable<HelmHook> hooks,
        bool skipTests,
        IReadOnlyList<string>? showOnly,
        bool hideSecret = false)
    {
        ArgumentNullException.ThrowIfNull(crds);
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(hooks);
        var release = new StringBuilder();
        foreach (var (filename, content) in crds)
        {
            AppendSource(release, filename, content);
        }

        foreach (var manifest in manifests)
        {
            AppendSource(release, manifest.Name, hideSecret && IsSecret(manifest.Head) ? HiddenSecret : manifest.Content);
        }

        return Finish(ReleaseManifest(release.ToString()), hooks, skipTests, showOnly, hook => (hook.Path, hook.Manifest));
    }

    /// <summary>The release manifest as Helm keeps it (template.go prints it trimmed, plus a newline).</summary>
    internal static string ReleaseManifest(string text) => GoText.TrimSpace(text) + "\n";

    /// <summary>Appends the hooks (or their "wrote" lines) to the release text and applies ShowOnly.</summary>
    internal static string Finish(string release, IEnumerable<HelmHook> hooks, bool skipTests, IReadOnlyList<string>? showOnly, Func<HelmHook, (string Source, string Content)?> hookText)
    {
        var output = new StringBuilder(release);
        foreach (var hook in hooks)
        {
            if (skipTests && hook.IsTest)
            {
                continue;
            }

            if (hookText(hook) is { } text)
            {
                AppendSource(output, text.Source, text.Content);
            }
        }

        return showOnly is { Count: > 0 } ? ShowOnly(output.ToString(), showOnly) : output.ToString();
    }

    /// <summary>Helm's test: kind Secret and apiVersion exactly v1.</summary>
    internal static bool IsSecret(ManifestHead head) => head.Kind == "Secret" && head.ApiVersion == "v1";

    internal static void AppendSource(StringBuilder output, string source, string content) =>
        output.Append("---\n# Source: ").Append(source).Append('\n').Append(content).Append('\n');

    private static string ShowOnly(string text, IReadOnlyList<string> patterns)
    {
        var documents = ManifestSplitter.Split(text);
        var output = new StringBuilder();
        foreach (var raw in patterns)
        {
            var pattern = raw.Replace('\\', '/');
            var missing = true;
            foreach (var document in documents)
            {
                var source = SourceLine().Match(document);
                if (source.Success && Matches(pattern, source.Groups[1].Value))
                {
                    output.Append("---\n").Append(document).Append('\n');
                    missing = false;
                }
            }

            if (missing)
            {
                throw new HelmException(
                    HelmRenderErrorIds.TemplateNotFound,
                    ErrorKind.ObjectNotFound,
                    $"could not find template {pattern} in chart",
                    recommendedAction: "ShowOnly takes template paths below the chart name, e.g. templates/deployment.yaml (wildcards as in Go's filepath.Match).");
            }
        }

        return output.ToString();
    }

    /// <summary>Helm ignores filepath.Match's error: a malformed pattern matches nothing.</summary>
    internal static bool Matches(string pattern, string path)
    {
        try
        {
            return GoPathPattern.Match(pattern, path);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("# Source: [^/]+/(.+)", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();
}
