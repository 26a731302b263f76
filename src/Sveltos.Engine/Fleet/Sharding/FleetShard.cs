using System.Globalization;

namespace Sveltos.Engine.Fleet.Sharding;

/// <summary>One shard of a fleet split into <see cref="Count"/>: "2/8" is the second of eight (1-based, as a CI matrix counts).</summary>
public sealed record FleetShard(int Index, int Count)
{
    /// <exception cref="FormatException">The text is not "i/n" with 1 ≤ i ≤ n.</exception>
    public static FleetShard Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new FleetShard(index, count);
        }

        throw new FormatException($"'{text}' is not a shard: write it i/n with 1 <= i <= n, e.g. 2/8 for the second of eight shards.");
    }

    public override string ToString() => $"{Index}/{Count}";
}
