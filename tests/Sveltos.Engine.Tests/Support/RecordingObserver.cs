using System.Collections.Concurrent;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Sync;

namespace Sveltos.Engine.Tests.Support;

public sealed class RecordingObserver : ISyncObserver
{
    public ConcurrentQueue<ObjectResult> Results { get; } = new();

    public ConcurrentQueue<PairSummary> Summaries { get; } = new();

    public ConcurrentQueue<(string Cluster, SveltosException Error)> ClusterErrors { get; } = new();

    public ConcurrentQueue<(string Cluster, ProfileRef Profile, SveltosException Error)> PairErrors { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    public void Verbose(string message)
    {
    }

    public void Warning(string message) => Warnings.Enqueue(message);

    public void Progress(string phase, int completed, int total)
    {
    }

    public void ClusterFailed(string cluster, SveltosException error) => ClusterErrors.Enqueue((cluster, error));

    public void PairFailed(string cluster, ProfileRef profile, SveltosException error) => PairErrors.Enqueue((cluster, profile, error));

    public ConcurrentQueue<(string Cluster, ProfileRef Profile, string Reason)> Pending { get; } = new();

    public void PairPending(string cluster, ProfileRef profile, string reason) => Pending.Enqueue((cluster, profile, reason));

    public void Result(ObjectResult result) => Results.Enqueue(result);

    public void Summary(PairSummary summary) => Summaries.Enqueue(summary);

    public IEnumerable<ObjectResult> For(string cluster) => Results.Where(r => r.Cluster.EndsWith("/" + cluster, StringComparison.Ordinal));
}
