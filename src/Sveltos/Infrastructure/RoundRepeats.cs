namespace Sveltos.Infrastructure;

/// <summary>
/// For a command that runs in rounds (Invoke-ProfileSync -Watch): remembers what each round reported, so an
/// error or warning that is still true in the next round is not printed again.
/// </summary>
internal sealed class RoundRepeats
{
    private HashSet<string> previous = new(StringComparer.Ordinal);
    private HashSet<string> current = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="report"/> was not reported in the previous round (it is remembered for the next).</summary>
    public bool IsNew(string report)
    {
        current.Add(report);
        return !previous.Contains(report);
    }

    public void NextRound()
    {
        previous = current;
        current = new HashSet<string>(StringComparer.Ordinal);
    }
}
