using Sveltos.Engine.Helm.Releases;

namespace Sveltos.Engine.Tests.Helm.Releases;

public class ReleaseHistoryTests
{
    private static StoredRelease Revision(int version, string status) => ReleaseSecret.Read(ReleaseSecret.Build(
        new Release { Name = "web", Version = version, Namespace = "apps", Info = new ReleaseInfo { Status = status } },
        DateTimeOffset.UnixEpoch));

    private static IReadOnlyList<StoredRelease> History(params string[] statuses) => statuses.Select((s, i) => Revision(i + 1, s)).Reverse().ToList();

    [Fact]
    public void The_next_revision_is_one_past_the_latest_whatever_its_status()
    {
        Assert.Equal(1, ReleaseHistory.NextRevision([]));
        Assert.Equal(4, ReleaseHistory.NextRevision(History(ReleaseStatus.Superseded, ReleaseStatus.Deployed, ReleaseStatus.Failed)));
        Assert.Equal(8, ReleaseHistory.NextRevision([Revision(2, ReleaseStatus.Superseded), Revision(7, ReleaseStatus.Uninstalled)]));
    }

    [Fact]
    public void The_latest_and_the_deployed_revision_are_told_apart()
    {
        var history = History(ReleaseStatus.Superseded, ReleaseStatus.Deployed, ReleaseStatus.Failed);

        Assert.Equal(3, ReleaseHistory.Latest(history)!.Release.Version);
        Assert.Equal(2, ReleaseHistory.Deployed(history)!.Release.Version);
        Assert.Null(ReleaseHistory.Deployed(History(ReleaseStatus.Failed)));
        Assert.Null(ReleaseHistory.Latest([]));
    }

    [Fact]
    public void When_several_revisions_are_deployed_the_newest_counts()
    {
        Assert.Equal(3, ReleaseHistory.Deployed(History(ReleaseStatus.Deployed, ReleaseStatus.Superseded, ReleaseStatus.Deployed))!.Release.Version);
    }

    [Fact]
    public void Pruning_keeps_max_history_counting_the_new_revision_and_never_the_deployed_one()
    {
        var history = History(ReleaseStatus.Superseded, ReleaseStatus.Superseded, ReleaseStatus.Deployed, ReleaseStatus.Failed, ReleaseStatus.Failed);

        var prune = ReleaseHistory.ToPrune(history, maxHistory: 3);

        Assert.Equal([1, 2, 4], prune.Select(r => r.Release.Version));
    }

    [Fact]
    public void Without_a_deployed_revision_the_oldest_are_pruned()
    {
        Assert.Equal([1, 2, 3], ReleaseHistory.ToPrune(History(ReleaseStatus.Failed, ReleaseStatus.Failed, ReleaseStatus.Failed, ReleaseStatus.Failed), maxHistory: 2).Select(r => r.Release.Version));
    }

    [Fact]
    public void A_max_history_of_one_prunes_all_but_the_deployed_revision()
    {
        Assert.Equal([2, 3], ReleaseHistory.ToPrune(History(ReleaseStatus.Deployed, ReleaseStatus.Failed, ReleaseStatus.Failed), maxHistory: 1).Select(r => r.Release.Version));
    }

    [Fact]
    public void Nothing_is_pruned_within_the_limit_or_without_one()
    {
        var history = History(ReleaseStatus.Superseded, ReleaseStatus.Deployed);

        Assert.Empty(ReleaseHistory.ToPrune(history, maxHistory: 3));
        Assert.Empty(ReleaseHistory.ToPrune(history, maxHistory: 0));
        Assert.Single(ReleaseHistory.ToPrune(history, maxHistory: 2));
    }
}
