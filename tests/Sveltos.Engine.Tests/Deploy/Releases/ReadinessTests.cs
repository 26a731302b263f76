using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy.Releases;

namespace Sveltos.Engine.Tests.Deploy.Releases;

public sealed class ReadinessTests
{
    private static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Fact]
    public void A_deployment_is_ready_once_observed_with_enough_ready_and_updated_replicas_maxUnavailable_allowed_for()
    {
        // 4 replicas, 25% (1) may be unavailable: 3 ready is enough, 2 is not.
        Assert.True(Readiness.Check(Deployment(generation: 2, observed: 2, ready: 3), false).Ready);
        var short1 = Readiness.Check(Deployment(generation: 2, observed: 2, ready: 2), false);
        Assert.False(short1.Ready);
        Assert.Equal("2 of 4 replicas ready", short1.Reason);
        var stale = Readiness.Check(Deployment(generation: 3, observed: 2, ready: 4), false);
        Assert.Equal("its controller has not observed the latest generation", stale.Reason);
        Assert.False(Readiness.Check(Obj("""{"kind":"Deployment","metadata":{"generation":1},"spec":{"replicas":2,"strategy":{"type":"Recreate"}},"status":{"observedGeneration":1,"readyReplicas":1,"updatedReplicas":2}}"""), false).Ready);
    }

    private static JsonObject Deployment(int generation, int observed, int ready) => new()
    {
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["generation"] = generation },
        ["spec"] = new JsonObject { ["replicas"] = 4 },
        ["status"] = new JsonObject { ["observedGeneration"] = observed, ["readyReplicas"] = ready, ["updatedReplicas"] = 4 },
    };

    [Fact]
    public void Jobs_count_only_with_waitForJobs_and_a_failed_job_fails_for_good()
    {
        var running = Obj("""{"kind":"Job","spec":{"completions":1},"status":{"active":1}}""");
        Assert.True(Readiness.Check(running, waitForJobs: false).Ready);
        Assert.False(Readiness.Check(running, waitForJobs: true).Ready);
        var failed = Readiness.Check(Obj("""{"kind":"Job","status":{"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}"""), true);
        Assert.True(failed.Failed);
        Assert.Equal("the job failed: BackoffLimitExceeded", failed.Reason);
    }

    [Theory]
    [InlineData("""{"kind":"Service","spec":{"type":"ClusterIP","clusterIP":"10.0.0.1"}}""", true)]
    [InlineData("""{"kind":"Service","spec":{"type":"ClusterIP"}}""", false)]
    [InlineData("""{"kind":"Service","spec":{"type":"LoadBalancer","clusterIP":"10.0.0.1"}}""", false)]
    [InlineData("""{"kind":"Service","spec":{"type":"LoadBalancer","clusterIP":"10.0.0.1"},"status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}}""", true)]
    [InlineData("""{"kind":"Service","spec":{"type":"ExternalName"}}""", true)]
    [InlineData("""{"kind":"PersistentVolumeClaim","status":{"phase":"Pending"}}""", false)]
    [InlineData("""{"kind":"PersistentVolumeClaim","status":{"phase":"Bound"}}""", true)]
    [InlineData("""{"kind":"Pod","status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}""", true)]
    [InlineData("""{"kind":"Pod","status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"}]}}""", false)]
    [InlineData("""{"kind":"CustomResourceDefinition","status":{"conditions":[{"type":"Established","status":"True"}]}}""", true)]
    [InlineData("""{"kind":"DaemonSet","metadata":{"generation":1},"status":{"observedGeneration":1,"desiredNumberScheduled":3,"numberReady":2,"updatedNumberScheduled":3}}""", true)]
    [InlineData("""{"kind":"DaemonSet","metadata":{"generation":1},"status":{"observedGeneration":1,"desiredNumberScheduled":3,"numberReady":1,"updatedNumberScheduled":3}}""", false)]
    [InlineData("""{"kind":"StatefulSet","metadata":{"generation":1},"spec":{"replicas":2},"status":{"observedGeneration":1,"readyReplicas":2,"currentRevision":"a","updateRevision":"b"}}""", false)]
    [InlineData("""{"kind":"ConfigMap"}""", true)]
    public void Each_kind_is_ready_as_helm_wait_judges_it(string json, bool ready) =>
        Assert.Equal(ready, Readiness.Check(Obj(json), waitForJobs: false).Ready);
}
