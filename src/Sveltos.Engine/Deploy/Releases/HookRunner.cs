using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Helm.Releases;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy.Releases;

/// <summary>The hooks of one release revision, and how long each may take.</summary>
public sealed record ReleaseHooks(string Namespace, string Name, IReadOnlyList<ReleaseHook> Hooks, TimeSpan Timeout)
{
    public override string ToString() => $"release {Namespace}/{Name}";
}

/// <summary>What became of one hook an apply ran.</summary>
public sealed record HookOutcome(ObjectKey Key, string Event, bool Succeeded, string Message);

/// <summary>
/// Runs a release's hooks for one event as Helm's execHook does: in weight order (then name, after Helm's kind order),
/// each one deleted first when its policy is before-hook-creation (the policy of a hook that names none), created, and
/// for a Job or Pod, waited for until it completes within the timeout. A failed hook stops the event (deleted when its
/// policy says hook-failed); once every hook succeeded, those with hook-succeeded are deleted, last first. Hooks are not
/// part of the release's objects: they are neither tracked nor withdrawn, as with helm.
/// </summary>
public static class HookRunner
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static Task<IReadOnlyList<HookOutcome>> RunAsync(KubeClient client, ReleaseStep step, string hookEvent, CancellationToken cancellationToken) =>
        RunAsync(client, new ReleaseHooks(step.Namespace, step.Name, step.Hooks, step.Options.Timeout), hookEvent, cancellationToken);

    public static async Task<IReadOnlyList<HookOutcome>> RunAsync(KubeClient client, ReleaseHooks step, string hookEvent, CancellationToken cancellationToken)
    {
        var hooks = InstallOrder.Sort(step.Hooks.Where(h => h.Events.Contains(hookEvent)), h => h.Kind)
            .OrderBy(h => h.Weight)
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var outcomes = new List<HookOutcome>();
        var ran = new List<(ReleaseHook Hook, JsonObject Object, ApiResource Resource)>();
        foreach (var hook in hooks)
        {
            var obj = await ObjectOfAsync(client, step, hook, cancellationToken).ConfigureAwait(false);
            var resource = await client.ResolveResourceAsync(KubeObject.ApiVersion(obj), KubeObject.Kind(obj), cancellationToken).ConfigureAwait(false);
            var key = ObjectKey.Of(obj);
            var policies = hook.DeletePolicies.Count == 0 ? [HookDeletePolicy.BeforeHookCreation] : hook.DeletePolicies;
            var where = $"{hookEvent} hook {key} ({hook.Path}) of {step}";
            try
            {
                if (policies.Contains(HookDeletePolicy.BeforeHookCreation))
                {
                    await DeleteAsync(client, resource, obj, step.Timeout, cancellationToken).ConfigureAwait(false);
                }

                await client.CreateAsync(resource, NamespaceOf(resource, obj), obj, FieldManagers.Sveltos, cancellationToken).ConfigureAwait(false);
                await WaitAsync(client, resource, obj, step.Timeout, where, cancellationToken).ConfigureAwait(false);
            }
            catch (SveltosException ex)
            {
                if (policies.Contains(HookDeletePolicy.Failed))
                {
                    await DeleteAsync(client, resource, obj, step.Timeout, cancellationToken).ConfigureAwait(false);
                }

                outcomes.Add(new HookOutcome(key, hookEvent, false, $"{hookEvent} hook ({hook.Path}) of {step} failed: {ex.Message}"));
                throw new HookFailedException(
                    $"{where} failed: {ex.Message}",
                    step.ToString(),
                    $"See why with kubectl describe {key.Kind.ToLowerInvariant()} {key.Name} -n {key.Namespace}; the release keeps its last good revision and the next sync tries again.",
                    outcomes,
                    ex);
            }

            outcomes.Add(new HookOutcome(key, hookEvent, true, $"{hookEvent} hook (weight {hook.Weight}) completed"));
            ran.Add((hook, obj, resource));
        }

        for (var i = ran.Count - 1; i >= 0; i--)
        {
            var (hook, obj, resource) = ran[i];
            if (hook.DeletePolicies.Contains(HookDeletePolicy.Succeeded))
            {
                await DeleteAsync(client, resource, obj, step.Timeout, cancellationToken).ConfigureAwait(false);
                outcomes[outcomes.FindIndex(o => o.Key == ObjectKey.Of(obj))] = outcomes.First(o => o.Key == ObjectKey.Of(obj)) with { Message = $"{hookEvent} hook (weight {hook.Weight}) completed; deleted (hook-succeeded)" };
            }
        }

        return outcomes;
    }

    private static async Task<JsonObject> ObjectOfAsync(KubeClient client, ReleaseHooks step, ReleaseHook hook, CancellationToken cancellationToken)
    {
        if (ManifestHead.ToObject(hook.Manifest) is not JsonObject obj)
        {
            throw new SveltosException("HelmHookInvalid", ErrorKind.InvalidData, $"hook {hook.Path} of {step} is not a Kubernetes object.", step.ToString());
        }

        var resource = await client.ResolveResourceAsync(KubeObject.ApiVersion(obj), KubeObject.Kind(obj), cancellationToken).ConfigureAwait(false);
        if (resource.Namespaced && KubeObject.Namespace(obj).Length == 0)
        {
            (obj["metadata"] as JsonObject ?? (JsonObject)(obj["metadata"] = new JsonObject()))["namespace"] = step.Namespace;
        }

        return obj;
    }

    private static string? NamespaceOf(ApiResource resource, JsonObject obj) => resource.Namespaced ? KubeObject.Namespace(obj) : null;

    /// <summary>Deletes the hook object if it exists and waits until it is gone, so that it can be created again.</summary>
    private static async Task DeleteAsync(KubeClient client, ApiResource resource, JsonObject obj, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ns = NamespaceOf(resource, obj);
        var name = KubeObject.Name(obj);
        if (!await client.DeleteAsync(resource, ns, name, dryRun: false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var deadline = DateTime.UtcNow + timeout;
        while (await client.GetAsync(resource, ns, name, cancellationToken).ConfigureAwait(false) is not null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new SveltosException("HelmHookTimeout", ErrorKind.OperationTimeout, $"{ObjectKey.Of(obj)} was not deleted within {timeout}.", KubeObject.Name(obj));
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A Job until it completes, a Pod until it succeeds; any other kind is done once created (as Helm's WatchUntilReady).</summary>
    private static async Task WaitAsync(KubeClient client, ApiResource resource, JsonObject obj, TimeSpan timeout, string where, CancellationToken cancellationToken)
    {
        var kind = KubeObject.Kind(obj);
        if (kind is not ("Job" or "Pod"))
        {
            return;
        }

        var deadline = DateTime.UtcNow + timeout;
        var verdict = ReadinessVerdict.NotYet("not started");
        while (DateTime.UtcNow <= deadline)
        {
            var live = await client.GetAsync(resource, NamespaceOf(resource, obj), KubeObject.Name(obj), cancellationToken).ConfigureAwait(false)
                ?? throw new SveltosException("HelmHookGone", ErrorKind.ObjectNotFound, $"{ObjectKey.Of(obj)} was deleted while it ran.", KubeObject.Name(obj));
            verdict = kind == "Job" ? Readiness.Check(live, waitForJobs: true) : PodCompletion(live);
            if (verdict.Ready)
            {
                return;
            }

            if (verdict.Failed)
            {
                throw new SveltosException("HelmHookFailed", ErrorKind.InvalidData, verdict.Reason, KubeObject.Name(obj));
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        throw new SveltosException("HelmHookTimeout", ErrorKind.OperationTimeout, $"it did not complete within the timeout ({timeout}): {verdict.Reason}", KubeObject.Name(obj));
    }

    private static ReadinessVerdict PodCompletion(JsonObject live) => KubeObject.Text(live["status"]?["phase"]) switch
    {
        "Succeeded" => ReadinessVerdict.Yes,
        "Failed" => ReadinessVerdict.Fail("the pod failed"),
        var phase => ReadinessVerdict.NotYet($"phase {(phase.Length == 0 ? "Pending" : phase)}"),
    };
}
