using System.Text.RegularExpressions;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>Chart version texts as Helm reads and picks them: semantic versions, newest first.</summary>
internal static partial class ChartVersions
{
    /// <summary>A version as Masterminds' NewVersion reads it ("v1.2", "1.2.3-rc.1+build"), or null.</summary>
    public static SemanticVersion? TryParse(string text)
    {
        if (!Loose().IsMatch(text))
        {
            return null;
        }

        try
        {
            return SemanticVersion.Parse(text);
        }
        catch (GoFunctionException)
        {
            return null;
        }
    }

    /// <summary>Whether a text is a strict semantic version (X.Y.Z, no "v"), as Helm requires of OCI tags.</summary>
    public static bool IsStrict(string text) => Strict().IsMatch(text);

    /// <summary>Newest first; texts that are no version go last, in their original order.</summary>
    public static List<T> Descending<T>(IEnumerable<T> items, Func<T, string> version) =>
        items.Select((item, index) => (item, index, parsed: TryParse(version(item))))
            .OrderBy(x => x.parsed is null)
            .ThenByDescending(x => x.parsed, Comparer<SemanticVersion?>.Create((a, b) => a!.CompareTo(b!)))
            .ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();

    /// <summary>
    /// Helm's pick among versions sorted newest first: for an empty request the newest stable version, otherwise an
    /// exact text match, else the newest version satisfying the constraint. Null when none does.
    /// </summary>
    public static T? Pick<T>(IReadOnlyList<T> newestFirst, Func<T, string> version, string? requested)
        where T : class
    {
        var constraint = VersionConstraint.Parse(string.IsNullOrEmpty(requested) ? "*" : requested);
        if (!string.IsNullOrEmpty(requested) && newestFirst.FirstOrDefault(v => version(v) == requested) is { } exact)
        {
            return exact;
        }

        return newestFirst.FirstOrDefault(v => TryParse(version(v)) is { } parsed && constraint.IsSatisfiedBy(parsed));
    }

    /// <summary>The versions to name in a "no such version" error: the newest few.</summary>
    public static string Available(IEnumerable<string> newestFirst)
    {
        var list = newestFirst.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Take(10)) + (list.Count > 10 ? $" (and {list.Count - 10} older)" : "");
    }

    [GeneratedRegex(@"^v?[0-9]+(\.[0-9]+)?(\.[0-9]+)?(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex Loose();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex Strict();
}
