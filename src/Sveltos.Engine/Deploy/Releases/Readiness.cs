using System.Globalization;
using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy.Releases;

/// <summary>The answer of a readiness check: ready, not yet (with what is missing), or failed for good.</summary>
public sealed record ReadinessVerdict(bool Ready, bool Failed, string Reason)
{
    public static readonly ReadinessVerdict Yes = new(true, false, "");

    public static ReadinessVerdict NotYet(string reason) => new(false, false, reason);

    public static ReadinessVerdict Fail(string reason) => new(false, true, reason);
}

/// <summary>
/// Whether a live object is ready as helm install --wait judges it (Helm's ReadyChecker): workloads observed at their
/// generation with enough ready replicas (maxUnavailable allowed for), pods Ready, PVCs Bound, Services with a cluster IP
/// (and a LoadBalancer ingress), CRDs Established, APIServices Available; Jobs complete only with waitForJobs. Any other
/// kind is ready once it exists.
/// </summary>
public static class Readiness
{
    public static ReadinessVerdict Check(JsonObject live, bool waitForJobs)
    {
        var status = live["status"] as JsonObject;
        var spec = live["spec"] as JsonObject;
        return KubeObject.Kind(live) switch
        {
            "Deployment" => Deployment(live, spec, status),
            "StatefulSet" => StatefulSet(live, spec, status),
            "DaemonSet" => DaemonSet(live, spec, status),
            "ReplicaSet" or "ReplicationController" => Replicas(live, spec, status, "readyReplicas", 0),
            "Pod" => Pod(status),
            "Job" => waitForJobs ? Job(spec, status) : ReadinessVerdict.Yes,
            "PersistentVolumeClaim" => Text(status, "phase") == "Bound" ? ReadinessVerdict.Yes : ReadinessVerdict.NotYet($"phase is {Or(Text(status, "phase"), "not set")}, not Bound"),
            "Service" => Service(spec, status),
            "CustomResourceDefinition" => Condition(status, "Established") ? ReadinessVerdict.Yes : ReadinessVerdict.NotYet("not Established"),
            "APIService" => Condition(status, "Available") ? ReadinessVerdict.Yes : ReadinessVerdict.NotYet("not Available"),
            _ => ReadinessVerdict.Yes,
        };
    }

    private static ReadinessVerdict Deployment(JsonObject live, JsonObject? spec, JsonObject? status)
    {
        if (Flag(spec, "paused"))
        {
            return ReadinessVerdict.Yes;
        }

        var replicas = Number(spec, "replicas") ?? 1;
        var unavailable = KubeObject.Text(spec?["strategy"]?["type"]) == "Recreate" ? 0 : Scaled(spec?["strategy"]?["rollingUpdate"]?["maxUnavailable"], replicas, "25%", roundUp: false);
        return Replicas(live, spec, status, "readyReplicas", unavailable) is { Ready: false } notReady ? notReady
            : (Number(status, "updatedReplicas") ?? 0) < replicas - unavailable ? ReadinessVerdict.NotYet($"{Number(status, "updatedReplicas") ?? 0} of {replicas} replicas updated")
            : ReadinessVerdict.Yes;
    }

    private static ReadinessVerdict StatefulSet(JsonObject live, JsonObject? spec, JsonObject? status)
    {
        if (Replicas(live, spec, status, "readyReplicas", 0) is { Ready: false } notReady)
        {
            return notReady;
        }

        var rolling = KubeObject.Text(spec?["updateStrategy"]?["type"]) is "" or "RollingUpdate";
        return rolling && Text(status, "updateRevision") != Text(status, "currentRevision")
            ? ReadinessVerdict.NotYet($"update revision {Text(status, "updateRevision")} is not yet the current one")
            : ReadinessVerdict.Yes;
    }

    private static ReadinessVerdict DaemonSet(JsonObject live, JsonObject? spec, JsonObject? status)
    {
        if (KubeObject.Text(spec?["updateStrategy"]?["type"]) == "OnDelete")
        {
            return ReadinessVerdict.Yes;
        }

        if (!Observed(live, status))
        {
            return ReadinessVerdict.NotYet("its controller has not observed the latest generation");
        }

        var desired = Number(status, "desiredNumberScheduled") ?? 0;
        var unavailable = Scaled(spec?["updateStrategy"]?["rollingUpdate"]?["maxUnavailable"], desired, "1", roundUp: true);
        var ready = Number(status, "numberReady") ?? 0;
        return (Number(status, "updatedNumberScheduled") ?? 0) < desired ? ReadinessVerdict.NotYet($"{Number(status, "updatedNumberScheduled") ?? 0} of {desired} pods updated")
            : ready < desired - unavailable ? ReadinessVerdict.NotYet($"{ready} of {desired} pods ready")
            : ReadinessVerdict.Yes;
    }

    private static ReadinessVerdict Replicas(JsonObject live, JsonObject? spec, JsonObject? status, string readyField, long unavailable)
    {
        if (!Observed(live, status))
        {
            return ReadinessVerdict.NotYet("its controller has not observed the latest generation");
        }

        var replicas = Number(spec, "replicas") ?? 1;
        var ready = Number(status, readyField) ?? 0;
        return ready >= replicas - unavailable ? ReadinessVerdict.Yes : ReadinessVerdict.NotYet($"{ready} of {replicas} replicas ready");
    }

    private static ReadinessVerdict Pod(JsonObject? status) => Text(status, "phase") switch
    {
        "Succeeded" => ReadinessVerdict.Yes,
        "Failed" => ReadinessVerdict.Fail("the pod failed"),
        _ => Condition(status, "Ready") ? ReadinessVerdict.Yes : ReadinessVerdict.NotYet($"phase {Or(Text(status, "phase"), "Pending")}, not Ready"),
    };

    private static ReadinessVerdict Job(JsonObject? spec, JsonObject? status)
    {
        if (Condition(status, "Failed"))
        {
            var reason = (status?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => KubeObject.Text(c["type"]) == "Failed");
            return ReadinessVerdict.Fail($"the job failed: {Or(KubeObject.Text(reason?["reason"]), "Failed")}");
        }

        var completions = Number(spec, "completions") ?? 1;
        var succeeded = Number(status, "succeeded") ?? 0;
        return Condition(status, "Complete") || succeeded >= completions ? ReadinessVerdict.Yes : ReadinessVerdict.NotYet($"{succeeded} of {completions} completions");
    }

    private static ReadinessVerdict Service(JsonObject? spec, JsonObject? status)
    {
        var type = KubeObject.Text(spec?["type"]);
        if (type == "ExternalName")
        {
            return ReadinessVerdict.Yes;
        }

        if (KubeObject.Text(spec?["clusterIP"]) == "")
        {
            return ReadinessVerdict.NotYet("no cluster IP assigned");
        }

        return type == "LoadBalancer" && (status?["loadBalancer"]?["ingress"] as JsonArray ?? []).Count == 0 && KubeObject.Text(spec?["externalIPs"]?[0]) == ""
            ? ReadinessVerdict.NotYet("no load balancer ingress yet")
            : ReadinessVerdict.Yes;
    }

    private static bool Observed(JsonObject live, JsonObject? status) =>
        (Number(status, "observedGeneration") ?? -1) >= (Number(live["metadata"] as JsonObject, "generation") ?? 0);

    private static bool Condition(JsonObject? status, string type) =>
        (status?["conditions"] as JsonArray ?? []).OfType<JsonObject>().Any(c => KubeObject.Text(c["type"]) == type && KubeObject.Text(c["status"]) == "True");

    /// <summary>An int-or-percent (maxUnavailable) of <paramref name="total"/>, as intstr.GetScaledValueFromIntOrPercent.</summary>
    private static long Scaled(JsonNode? value, long total, string fallback, bool roundUp)
    {
        var text = value is null ? fallback : KubeObject.Text(value);
        if (!text.EndsWith('%'))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
        }

        var percent = double.Parse(text[..^1], CultureInfo.InvariantCulture);
        var scaled = percent * total / 100;
        return (long)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled));
    }

    private static long? Number(JsonObject? obj, string field) => obj?[field] is JsonValue value
        ? value.TryGetValue<long>(out var number) ? number : value.TryGetValue<int>(out var small) ? small : null
        : null;

    private static bool Flag(JsonObject? obj, string field) => KubeObject.Flag(obj?[field]);

    private static string Text(JsonObject? obj, string field) => KubeObject.Text(obj?[field]);

    private static string Or(string text, string fallback) => text.Length == 0 ? fallback : text;
}
