using System.Text.RegularExpressions;

namespace Sveltos.KubeSim.Resources;

/// <summary>Kubernetes version priority: GA before beta before alpha, higher numbers first, other names last alphabetically.</summary>
internal sealed partial class VersionPriority : IComparer<string?>
{
    public static readonly VersionPriority Instance = new();

    public int Compare(string? x, string? y)
    {
        var (rx, ry) = (Rank(x ?? ""), Rank(y ?? ""));
        var byRank = ry.CompareTo(rx);
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private static (int Known, int Stability, int Major, int Minor) Rank(string version)
    {
        var match = Pattern().Match(version);
        if (!match.Success)
        {
            return (0, 0, 0, 0);
        }
        var stability = match.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (1, stability, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), minor);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex Pattern();
}
