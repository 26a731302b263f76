namespace Sveltos.Infrastructure;

/// <summary>Names that are one typo or two away from what was typed, for "did you mean" hints.</summary>
internal static class NameSuggestions
{
    /// <summary>" Did you mean 'web'?" when a candidate is close to <paramref name="typed"/>; empty otherwise.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var close = candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: EditDistance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance > 0 && c.Distance <= (typed.Length <= 4 ? 1 : 2))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => $"'{c.Name}'")
            .Take(3)
            .ToList();
        return close.Count == 0 ? "" : $" Did you mean {string.Join(" or ", close)}?";
    }

    /// <summary>Edit distance counting insertions, deletions, substitutions and swaps of neighbours ("wbe" is 1 from "web").</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
