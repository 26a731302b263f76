using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy.Releases;

/// <summary>
/// options.wait: polls a release's objects until each is ready (see <see cref="Readiness"/>), or fails when the timeout
/// passes or one of them fails for good, naming the objects that are not ready and why.
/// </summary>
public static class ReleaseWait
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task WaitAsync(KubeClient client, ReleaseStep step, IReadOnlyList<ObjectKey> objects, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + step.Options.Timeout;
        var waiting = objects.ToList();
        var reasons = new Dictionary<ObjectKey, string>();
        while (true)
        {
            foreach (var key in waiting.ToList())
            {
                var resource = await client.ResolveResourceAsync(key.ApiVersion, key.Kind, cancellationToken).ConfigureAwait(false);
                var live = await client.GetAsync(resource, resource.Namespaced ? key.Namespace : null, key.Name, cancellationToken).ConfigureAwait(false);
                var verdict = live is null ? ReadinessVerdict.NotYet("not found") : Readiness.Check(live, step.Options.WaitForJobs);
                if (verdict.Failed)
                {
                    throw Failure(step, $"{key}: {verdict.Reason}");
                }

                if (verdict.Ready)
                {
                    waiting.Remove(key);
                    reasons.Remove(key);
                }
                else
                {
                    reasons[key] = verdict.Reason;
                }
            }

            if (waiting.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                var shown = string.Join("; ", waiting.Take(5).Select(k => $"{k}: {reasons[k]}"));
                throw Failure(step, $"{waiting.Count} object(s) not ready within the timeout ({step.Options.Timeout}): {shown}{(waiting.Count > 5 ? "; ..." : "")}");
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static SveltosException Failure(ReleaseStep step, string message) => new(
        "HelmReleaseNotReady",
        ErrorKind.OperationTimeout,
        $"{step} ({step.Operation.ToString().ToLowerInvariant()} to revision {step.Revision}): {message}",
        step.ToString(),
        "Check the objects with kubectl describe; raise options.timeout if they only need longer. The release keeps its last good revision.");
}
