using Sveltos.Engine.Deploy;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>
/// How a sync reports while it runs. Called from worker threads; implementations queue what they
/// receive (the PowerShell layer writes it on the pipeline thread).
/// </summary>
public interface ISyncObserver
{
    void Verbose(string message);

    /// <summary>A profile of the fleet cannot be read; what it deployed is left as it is until it is fixed.</summary>
    void ProfileInvalid(ProfileProblem problem) => Warning($"{problem.Message} (this profile is left as deployed until it is fixed)");

    void Warning(string message);

    void Progress(string phase, int completed, int total);

    /// <summary>A cluster could not be planned or applied (unreachable, unreadable records); the others go on.</summary>
    void ClusterFailed(string cluster, SveltosException error);

    /// <summary>A profile could not be prepared for a cluster (content missing or malformed); nothing changed there.</summary>
    void PairFailed(string cluster, ProfileRef profile, SveltosException error);

    /// <summary>A profile waits on a cluster for something outside it; nothing changed there. Not an error.</summary>
    void PairPending(string cluster, ProfileRef profile, string reason);

    void Result(ObjectResult result);

    void Summary(PairSummary summary);
}
