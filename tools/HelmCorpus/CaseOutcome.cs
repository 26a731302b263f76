namespace Sveltos.HelmCorpus;

internal enum CaseStatus
{
    Identical,
    Differs,
    Blocked,
}

/// <summary>What one case gave: its status, why it is blocked, and where the output first differs from the golden.</summary>
internal sealed record CaseOutcome(CaseStatus Status, string? Reason = null, FirstDifference? Difference = null, string? Golden = null);
