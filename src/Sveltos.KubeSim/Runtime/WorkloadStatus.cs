using System.Text.Json.Nodes;
using Sveltos.KubeSim.Api;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Runtime;

/// <summary>The status a healthy controller would report for a workload whose pods all started; null when it already does.</summary>
internal static class WorkloadStatus
{
    public static JsonObject? Compute(JsonObject obj, int nodeCount)
    {
        var generation = obj.Metadata().GetInt64("generation") ?? 1;
        var current = obj["status"] as JsonObject;
        if (current?.GetInt64("observedGeneration") == generation && obj.GetString("kind") is not ("Job" or "Pod"))
        {
            return null;
        }
        var spec = obj.GetObject("spec") ?? new JsonObject();
        var replicas = spec.GetInt64("replicas") ?? 1;
        var now = Clock.Now();
        return obj.GetString("kind") switch
        {
            "Deployment" => Counts(generation, replicas, "replicas", "updatedReplicas", "readyReplicas", "availableReplicas")
                .With("conditions", new JsonArray(
                    Condition("Available", "MinimumReplicasAvailable", "Deployment has minimum availability.", now),
                    Condition("Progressing", "NewReplicaSetAvailable", $"ReplicaSet \"{obj.Metadata().GetString("name")}\" has successfully progressed.", now))),
            "StatefulSet" => Counts(generation, replicas, "replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas")
                .With("currentRevision", obj.Metadata().GetString("name") + "-1")
                .With("updateRevision", obj.Metadata().GetString("name") + "-1"),
            "ReplicaSet" => Counts(generation, replicas, "replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas"),
            "DaemonSet" => Counts(generation, nodeCount, "currentNumberScheduled", "desiredNumberScheduled", "numberAvailable", "numberReady", "updatedNumberScheduled")
                .With("numberMisscheduled", 0),
            "Job" when current?.GetInt64("succeeded") is null && current?.GetInt64("failed") is null && FailingJob(spec) is { } failed => failed,
            "Job" when current?.GetInt64("succeeded") is null && current?.GetInt64("failed") is null => new JsonObject
            {
                ["startTime"] = now,
                ["completionTime"] = now,
                ["succeeded"] = spec.GetInt64("completions") ?? 1,
                ["conditions"] = new JsonArray(
                    Condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now),
                    Condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now)),
            },
            "Pod" when current?.GetString("phase") is null or "Pending" && ContainerExit.RunsToCompletion(spec) => CompletedPodStatus(spec, now),
            "Pod" when current?.GetString("phase") is not ("Running" or "Succeeded" or "Failed") => PodStatus(spec, now),
            _ => null,
        };
    }

    private static JsonObject Counts(long generation, long count, params string[] fields)
    {
        var status = new JsonObject { ["observedGeneration"] = generation };
        foreach (var field in fields)
        {
            if (count > 0 || field == "replicas")
            {
                status[field] = count;
            }
        }
        return status;
    }

    private static JsonObject With(this JsonObject obj, string key, JsonNode? value)
    {
        obj[key] = value;
        return obj;
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type, ["status"] = "True", ["lastUpdateTime"] = now, ["lastTransitionTime"] = now, ["reason"] = reason, ["message"] = message,
    };

    /// <summary>A Job whose pod template's containers fail: every retry failed, as the job controller reports it.</summary>
    private static JsonObject? FailingJob(JsonObject spec)
    {
        if (spec.GetObject("template")?.GetObject("spec") is not { } podSpec || ContainerExit.CodeOf(podSpec) == 0)
        {
            return null;
        }

        var now = Clock.Now();
        const string message = "Job has reached the specified backoff limit";
        return new JsonObject
        {
            ["startTime"] = now,
            ["failed"] = (spec.GetInt64("backoffLimit") ?? 6) + 1,
            ["conditions"] = new JsonArray(
                Condition("FailureTarget", "BackoffLimitExceeded", message, now),
                Condition("Failed", "BackoffLimitExceeded", message, now)),
        };
    }

    /// <summary>A pod that runs to completion (restartPolicy Never or OnFailure): Succeeded, or Failed with its containers' exit code.</summary>
    private static JsonObject CompletedPodStatus(JsonObject spec, string now)
    {
        var code = ContainerExit.CodeOf(spec);
        var containers = spec.GetArray("containers")?.OfType<JsonObject>() ?? [];
        return new JsonObject
        {
            ["phase"] = code == 0 ? "Succeeded" : "Failed",
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Initialized", ["status"] = "True", ["lastTransitionTime"] = now },
                new JsonObject { ["type"] = "Ready", ["status"] = "False", ["lastTransitionTime"] = now, ["reason"] = "PodCompleted" },
                new JsonObject { ["type"] = "PodScheduled", ["status"] = "True", ["lastTransitionTime"] = now }),
            ["hostIP"] = "172.18.0.2",
            ["startTime"] = now,
            ["containerStatuses"] = new JsonArray(containers.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.GetString("name"),
                ["image"] = c.GetString("image"),
                ["imageID"] = "",
                ["ready"] = false,
                ["started"] = false,
                ["restartCount"] = 0,
                ["state"] = new JsonObject
                {
                    ["terminated"] = new JsonObject { ["exitCode"] = code, ["reason"] = code == 0 ? "Completed" : "Error", ["startedAt"] = now, ["finishedAt"] = now },
                },
            }).ToArray()),
        };
    }

    private static JsonObject PodStatus(JsonObject spec, string now)
    {
        var containers = spec.GetArray("containers")?.OfType<JsonObject>() ?? [];
        return new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Initialized", ["status"] = "True", ["lastTransitionTime"] = now },
                new JsonObject { ["type"] = "Ready", ["status"] = "True", ["lastTransitionTime"] = now },
                new JsonObject { ["type"] = "ContainersReady", ["status"] = "True", ["lastTransitionTime"] = now },
                new JsonObject { ["type"] = "PodScheduled", ["status"] = "True", ["lastTransitionTime"] = now }),
            ["hostIP"] = "172.18.0.2",
            ["podIP"] = "10.244.0." + Random.Shared.Next(2, 250),
            ["startTime"] = now,
            ["containerStatuses"] = new JsonArray(containers.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.GetString("name"),
                ["image"] = c.GetString("image"),
                ["imageID"] = "",
                ["ready"] = true,
                ["started"] = true,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } },
            }).ToArray()),
        };
    }
}
