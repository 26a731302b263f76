using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sveltos.Engine.Fleet.Sharding;

/// <summary>
/// Which shard each cluster belongs to: every cluster is placed on a hash ring by its namespace/name, and the ring is
/// cut into <c>n</c> arcs holding equal numbers of clusters. Every job that reads the same fleet computes the same
/// assignment with nothing shared between them; the shards differ in size by at most one cluster; and adding or
/// removing a cluster moves at most <c>n − 1</c> others (those at the cuts), not a reshuffle as modulo would.
/// </summary>
public static class ShardAssignment
{
    /// <returns>The 1-based shard of each cluster key (namespace/name).</returns>
    public static IReadOnlyDictionary<string, int> Assign(IEnumerable<string> clusterKeys, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var ring = clusterKeys.Distinct(StringComparer.Ordinal)
            .Select(key => (Key: key, Position: Position(key)))
            .OrderBy(c => c.Position)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var assignment = new Dictionary<string, int>(ring.Count, StringComparer.Ordinal);
        for (var rank = 0; rank < ring.Count; rank++)
        {
            assignment[ring[rank].Key] = (int)((long)rank * shards / ring.Count) + 1;
        }

        return assignment;
    }

    public static string KeyOf(FleetCluster cluster) => $"{cluster.Namespace}/{cluster.Name}";

    /// <summary>The clusters of <paramref name="all"/> in <paramref name="shard"/>.</summary>
    public static IReadOnlyList<FleetCluster> Select(IReadOnlyList<FleetCluster> all, FleetShard shard)
    {
        var assignment = Assign(all.Select(KeyOf), shard.Count);
        return all.Where(c => assignment[KeyOf(c)] == shard.Index).ToList();
    }

    private static ulong Position(string key) => BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
