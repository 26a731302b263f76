using System.Text;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// Go's regexp "All" semantics over .NET matches: an empty match right after the previous match is not a match (so
/// "a*" finds 3 matches in "baaab", not 4), which FindAll, ReplaceAll and Split all follow.
/// </summary>
internal static class GoRegex
{
    /// <summary>At most <paramref name="limit"/> matches (all when it is negative).</summary>
    public static IEnumerable<Match> Matches(Regex regex, string text, int limit = -1)
    {
        var previousEnd = -1;
        var count = 0;
        foreach (Match match in regex.Matches(text))
        {
            if (limit >= 0 && count >= limit)
            {
                yield break;
            }

            if (match.Length == 0 && match.Index == previousEnd)
            {
                continue;
            }

            previousEnd = match.Index + match.Length;
            count++;
            yield return match;
        }
    }

    public static string Replace(Regex regex, string text, Func<Match, string> replacement)
    {
        var result = new StringBuilder(text.Length);
        var last = 0;
        foreach (var match in Matches(regex, text))
        {
            result.Append(text, last, match.Index - last).Append(replacement(match));
            last = match.Index + match.Length;
        }

        return result.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>Regexp.Split: at most <paramref name="limit"/> pieces, the last one the rest of the text (all when negative).</summary>
    public static List<object?> Split(Regex regex, string text, int limit)
    {
        if (limit == 0)
        {
            return [];
        }

        if (regex.ToString().Length > 0 && text.Length == 0)
        {
            return [""];
        }

        var pieces = new List<object?>();
        int start = 0, end = 0;
        foreach (var match in Matches(regex, text, limit))
        {
            if (limit > 0 && pieces.Count == limit - 1)
            {
                break;
            }

            end = match.Index;
            if (match.Index + match.Length != 0)
            {
                pieces.Add(text[start..end]);
            }

            start = match.Index + match.Length;
        }

        if (end != text.Length)
        {
            pieces.Add(text[start..]);
        }

        return pieces;
    }
}
