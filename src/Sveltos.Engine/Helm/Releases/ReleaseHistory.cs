namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// Helm's rules over the stored revisions of one release (the Secrets <see cref="ReleaseSecret.HistorySelector"/>
/// lists): the latest, the deployed one, the next revision number, and what to prune for --history-max.
/// </summary>
public static class ReleaseHistory
{
    /// <summary>The highest revision (Helm's Last), whatever its status.</summary>
    public static StoredRelease? Latest(IEnumerable<StoredRelease> history) => history.MaxBy(r => r.Release.Version);

    /// <summary>The highest revision labelled deployed (Helm's Deployed: when several are, the newest).</summary>
    public static StoredRelease? Deployed(IEnumerable<StoredRelease> history) =>
        history.Where(r => r.StatusLabel == ReleaseStatus.Deployed).MaxBy(r => r.Release.Version);

    /// <summary>The revision a new install, upgrade or rollback gets: one past the latest, 1 for a new release.</summary>
    public static int NextRevision(IEnumerable<StoredRelease> history) => (Latest(history)?.Release.Version ?? 0) + 1;

    /// <summary>
    /// The revisions to delete before storing a new one so that, counting it, at most <paramref name="maxHistory"/>
    /// remain (Helm's removeLeastRecent with max-1): oldest first, never the deployed revision. 0 or less keeps all.
    /// </summary>
    public static IReadOnlyList<StoredRelease> ToPrune(IEnumerable<StoredRelease> history, int maxHistory)
    {
        var keep = maxHistory - 1;
        var revisions = history.OrderBy(r => r.Release.Version).ToList();
        if (maxHistory <= 0 || revisions.Count <= keep)
        {
            return [];
        }

        var deployed = Deployed(revisions);
        var prune = new List<StoredRelease>();
        foreach (var revision in revisions)
        {
            if (revisions.Count - prune.Count == keep)
            {
                break;
            }

            if (deployed is null || revision.Release.Version != deployed.Release.Version)
            {
                prune.Add(revision);
            }
        }

        return prune;
    }
}
