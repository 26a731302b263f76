using Sveltos.Engine.Text;

namespace Sveltos.Infrastructure;

/// <summary>Names that are one typo or two away from what was typed, for "did you mean" hints.</summary>
internal static class NameSuggestions
{
    /// <summary>" Did you mean 'web'?" when a candidate is close to <paramref name="typed"/>; empty otherwise.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var close = candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Spelling.Distance(typed, c)))
            .Where(c => c.Distance > 0 && c.Distance <= (typed.Length <= 4 ? 1 : 2))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => $"'{c.Name}'")
            .Take(3)
            .ToList();
        return close.Count == 0 ? "" : $" Did you mean {string.Join(" or ", close)}?";
    }
}
