using System.Text.RegularExpressions;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// Splits rendered template text into YAML documents exactly as Helm's releaseutil.SplitManifests does: the text is
/// trimmed, cut at every <c>---</c> that starts the text or follows a newline (with the whitespace around it), empty
/// pieces are dropped and every piece is trimmed. Like Helm, a <c>---</c> is a separator even when more text follows
/// it on the same line.
/// </summary>
public static partial class ManifestSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var documents = new List<string>();
        foreach (var piece in Separator().Split(GoText.TrimSpace(text)))
        {
            if (piece.Length > 0)
            {
                documents.Add(GoText.TrimSpace(piece));
            }
        }

        return documents;
    }

    // Go's \s is ASCII whitespace only (no \v), unlike .NET's.
    [GeneratedRegex("(?:^|[\\t\\n\\f\\r ]*\\n)---[\\t\\n\\f\\r ]*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
