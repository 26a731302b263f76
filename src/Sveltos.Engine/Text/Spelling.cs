namespace Sveltos.Engine.Text;

/// <summary>How far a typed name is from the names it may have meant, for "did you mean ...?" hints.</summary>
public static class Spelling
{
    /// <summary>
    /// The edits (insert, delete, replace, or swap two neighbouring letters) that turn one name into the other,
    /// ignoring letter case.
    /// </summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = a.ToLowerInvariant();
        var y = b.ToLowerInvariant();
        var d = new int[x.Length + 1, y.Length + 1];
        for (var i = 0; i <= x.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= y.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[x.Length, y.Length];
    }

    /// <summary>
    /// The candidate <paramref name="given"/> most likely stands for: one spelled the same in another letter case, else
    /// the single nearest within a third of its length (at least one edit, at most three); null when none is close.
    /// </summary>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(candidates);
        var scored = candidates.Select(c => (Name: c, Distance: Distance(given, c))).OrderBy(c => c.Distance).ToList();
        var limit = Math.Clamp(given.Length / 3, 1, 3);
        return scored switch
        {
            [var best, ..] when best.Distance == 0 => best.Name,
            [var best] when best.Distance <= limit => best.Name,
            [var best, var next, ..] when best.Distance <= limit && next.Distance > best.Distance => best.Name,
            _ => null,
        };
    }
}
