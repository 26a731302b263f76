using Sveltos.Engine;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Sync;

namespace Sveltos.Infrastructure;

/// <summary>Passes a sync's reports on and remembers whether anything failed.</summary>
internal sealed class FailureTrackingObserver(ISyncObserver inner) : ISyncObserver
{
    private int failures;

    public bool Failed => Volatile.Read(ref failures) > 0;

    public void Verbose(string message) => inner.Verbose(message);

    public void Warning(string message) => inner.Warning(message);

    // An invalid profile elsewhere in the fleet is no failure of this work: it is said, as a warning.
    public void ProfileInvalid(ProfileProblem problem) => inner.Warning(ProfileProblems.LeftAsDeployed(problem));

    public void Progress(string phase, int completed, int total) => inner.Progress(phase, completed, total);

    public void ClusterFailed(string cluster, SveltosException error)
    {
        Interlocked.Increment(ref failures);
        inner.ClusterFailed(cluster, error);
    }

    public void PairFailed(string cluster, ProfileRef profile, SveltosException error)
    {
        Interlocked.Increment(ref failures);
        inner.PairFailed(cluster, profile, error);
    }

    public void PairPending(string cluster, ProfileRef profile, string reason) => inner.PairPending(cluster, profile, reason);

    public void Result(ObjectResult result)
    {
        if (result.Action is ObjectAction.Failed or ObjectAction.Conflict)
        {
            Interlocked.Increment(ref failures);
        }

        inner.Result(result);
    }

    public void Summary(PairSummary summary) => inner.Summary(summary);
}
