using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Engine.Tests.Fleet;

public class ShardAssignmentTests
{
    private static List<string> Clusters(int count, string prefix = "c") =>
        Enumerable.Range(0, count).Select(i => $"fleet-{i % 7}/{prefix}{i}").ToList();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(10)]
    public void At_a_thousand_clusters_every_shard_is_within_ten_percent_of_the_mean(int shards)
    {
        var sizes = ShardAssignment.Assign(Clusters(1000), shards).Values.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(1, shards), sizes.Keys.Order());
        var mean = 1000.0 / shards;
        Assert.All(sizes.Values, size => Assert.InRange(size, mean * 0.9, mean * 1.1));
        Assert.True(sizes.Values.Max() - sizes.Values.Min() <= 1);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void Adding_a_cluster_moves_at_most_one_in_n_of_the_others(int shards)
    {
        var clusters = Clusters(1000);
        var before = ShardAssignment.Assign(clusters, shards);

        for (var added = 0; added < 20; added++)
        {
            var after = ShardAssignment.Assign(clusters.Append($"fleet-new/added-{added}"), shards);
            var moved = clusters.Count(c => before[c] != after[c]);
            Assert.True(moved <= clusters.Count / shards, $"{moved} clusters moved");
            Assert.True(moved <= shards - 1, $"{moved} clusters moved, more than the {shards - 1} cuts");
        }
    }

    [Fact]
    public void Every_job_computes_the_same_assignment_whatever_order_it_reads_the_fleet_in()
    {
        var clusters = Clusters(300);
        var shuffled = clusters.OrderBy(c => c.GetHashCode()).Reverse().ToList();

        Assert.Equal(ShardAssignment.Assign(clusters, 5).OrderBy(kv => kv.Key), ShardAssignment.Assign(shuffled, 5).OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData("2/8", 2, 8)]
    [InlineData(" 1 / 1 ", 1, 1)]
    public void A_shard_is_written_i_over_n(string text, int index, int count) =>
        Assert.Equal(new FleetShard(index, count), FleetShard.Parse(text));

    [Theory]
    [InlineData("0/8")]
    [InlineData("9/8")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    public void Anything_else_is_refused_with_the_rule(string text) =>
        Assert.Contains("write it i/n with 1 <= i <= n", Assert.Throws<FormatException>(() => FleetShard.Parse(text)).Message, StringComparison.Ordinal);
}
