using Sveltos.Engine.Deploy;
using Sveltos.Engine.Sync;

namespace Sveltos.Infrastructure;

/// <summary>Maps the engine's sync results onto the module's output types.</summary>
internal static class SyncOutput
{
    public static SyncResult ToOutput(ObjectResult result) => new(
        result.Cluster,
        ProfileRefs.Identity(result.Profile),
        result.Key.ApiVersion,
        result.Key.Kind,
        result.Key.Namespace,
        result.Key.Name,
        result.Action.ToString(),
        result.Message,
        result.Diff,
        result.Local);

    public static SyncSummary ToOutput(PairSummary summary) => new(
        summary.Cluster,
        ProfileRefs.Identity(summary.Profile),
        summary.Status.ToString(),
        summary.Counts.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
        summary.Message) { Retries = summary.Retries };
}
