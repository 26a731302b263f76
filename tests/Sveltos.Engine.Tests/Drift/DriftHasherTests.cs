using System.Text.Json.Nodes;
using Sveltos.Engine.Drift;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Tests.Drift;

public class DriftHasherTests
{
    private static JsonObject Deployment(Action<JsonObject>? change = null)
    {
        var obj = JsonNode.Parse("""
            {
              "apiVersion": "apps/v1", "kind": "Deployment",
              "metadata": {
                "name": "web", "namespace": "prod", "uid": "1", "resourceVersion": "10", "generation": 1,
                "creationTimestamp": "2024-01-01T00:00:00Z",
                "managedFields": [
                  {"manager": "sveltos-powershell", "operation": "Apply", "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "fieldsV1": {
                    "f:metadata": {"f:labels": {"f:app": {}, "f:app.kubernetes.io/version": {}, "f:projectsveltos.io/reason": {}}, "f:annotations": {"f:projectsveltos.io/owner-name": {}}},
                    "f:spec": {"f:replicas": {}, "f:template": {"f:spec": {"f:containers": {
                      "k:{\"name\":\"a\"}": {".": {}, "f:name": {}, "f:image": {}},
                      "k:{\"name\":\"b\"}": {".": {}, "f:name": {}, "f:image": {}}}}}}}},
                  {"manager": "kube-controller-manager", "operation": "Update", "apiVersion": "apps/v1", "subresource": "status", "fieldsV1": {"f:status": {"f:readyReplicas": {}}}}
                ],
                "labels": {"app": "web", "projectsveltos.io/reason": "Resources"},
                "annotations": {"projectsveltos.io/owner-name": "web"}
              },
              "spec": {"replicas": 2, "template": {"spec": {"containers": [{"name": "a", "image": "nginx:1"}, {"name": "b", "image": "busybox"}]}}},
              "status": {"readyReplicas": 0}
            }
            """)!.AsObject();
        change?.Invoke(obj);
        return obj;
    }

    private static DriftExclusion Exclude(string path, PatchTarget? target = null) => new([path], target);

    private static PatchTarget Target(string? kind = null, string? name = null, string? ns = null, string? labels = null) => new(null, null, kind, ns, name, labels, null);

    [Fact]
    public void Status_and_server_metadata_are_not_drift()
    {
        var changed = Deployment(o =>
        {
            o["status"]!["readyReplicas"] = 2;
            o["metadata"]!["resourceVersion"] = "11";
            o["metadata"]!["generation"] = 2;
            o["metadata"]!["managedFields"]![1]!["time"] = "2024-01-02T00:00:00Z";
        });
        Assert.Equal(DriftHasher.Hash(Deployment(), null), DriftHasher.Hash(changed, null));
    }

    [Fact]
    public void Declared_fields_changed_or_removed_are_drift()
    {
        var original = DriftHasher.Hash(Deployment(), null);
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["spec"]!["replicas"] = 3), null));
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["metadata"]!["labels"]!["app"] = "other"), null));
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["metadata"]!["annotations"]!.AsObject().Remove("projectsveltos.io/owner-name")), null));
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["spec"]!["template"]!["spec"]!["containers"]!.AsArray().RemoveAt(1)), null));
    }

    [Fact]
    public void A_field_another_manager_took_over_is_drift_even_when_it_reads_the_same()
    {
        // kubectl edit of spec.replicas moves it out of the module's managed fields.
        var taken = Deployment(o => o["metadata"]!["managedFields"]![0]!["fieldsV1"]!["f:spec"]!.AsObject().Remove("f:replicas"));
        Assert.NotEqual(DriftHasher.Hash(Deployment(), null), DriftHasher.Hash(taken, null));
    }

    [Fact]
    public void Fields_the_profile_does_not_declare_are_not_drift()
    {
        var original = DriftHasher.Hash(Deployment(), null);
        Assert.Equal(original, DriftHasher.Hash(Deployment(o => o["metadata"]!["labels"]!["owner"] = "someone"), null));
        Assert.Equal(original, DriftHasher.Hash(Deployment(o => o["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"] = "Always"), null));
        Assert.Equal(original, DriftHasher.Hash(Deployment(o => o["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(JsonNode.Parse("""{"name": "sidecar", "image": "envoy"}"""))), null));
        Assert.Equal(original, DriftHasher.Hash(Deployment(o => o["data"] = "a top-level field nobody declared"), null));
    }

    [Fact]
    public void Set_members_are_declared_by_value()
    {
        static JsonObject WithFinalizers(params string[] finalizers) => Deployment(o =>
        {
            o["metadata"]!["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode)f).ToArray());
            o["metadata"]!["managedFields"]![0]!["fieldsV1"]!["f:metadata"]!["f:finalizers"] = JsonNode.Parse("""{".": {}, "v:\"example.com/mine\"": {}}""");
        });

        var original = DriftHasher.Hash(WithFinalizers("example.com/mine"), null);
        Assert.Equal(original, DriftHasher.Hash(WithFinalizers("example.com/mine", "example.com/theirs"), null));
        Assert.NotEqual(original, DriftHasher.Hash(WithFinalizers("example.com/theirs"), null));
    }

    [Fact]
    public void Secret_data_written_through_stringData_is_declared()
    {
        static JsonObject Secret(string password) => JsonNode.Parse("""
            {
              "apiVersion": "v1", "kind": "Secret",
              "metadata": {"name": "db", "namespace": "default", "managedFields": [
                {"manager": "sveltos-powershell", "operation": "Apply", "apiVersion": "v1", "fieldsV1": {"f:stringData": {"f:password": {}}, "f:type": {}}},
                {"manager": "kubectl-client-side-apply", "operation": "Update", "apiVersion": "v1", "fieldsV1": {"f:data": {"f:password": {}}}}]},
              "type": "Opaque",
              "data": {"password": "PASSWORD", "added": "eA=="}
            }
            """.Replace("PASSWORD", password, StringComparison.Ordinal))!.AsObject();

        Assert.NotEqual(DriftHasher.Hash(Secret("b2xk"), null), DriftHasher.Hash(Secret("bmV3"), null));

        // Declared through both fields at once: data keeps its own keys and gains those of stringData.
        var both = Secret("b2xk");
        both["metadata"]!["managedFields"]![0]!["fieldsV1"]!["f:data"] = JsonNode.Parse("""{"f:added": {}}""");
        Assert.Equal("""{"type":"Opaque","data":{"added":"eA==","password":"b2xk"}}""", DriftHasher.View(both, null).ToJsonString());
        Assert.Equal("""{"type":"Opaque","data":{"password":"b2xk"}}""", DriftHasher.View(Secret("b2xk"), null).ToJsonString());
    }

    [Fact]
    public void An_object_the_module_never_applied_has_nothing_declared()
    {
        var foreign = Deployment(o => o["metadata"]!["managedFields"]!.AsArray().RemoveAt(0));
        Assert.Equal("{}", DriftHasher.View(foreign, null).ToJsonString());
    }

    [Fact]
    public void Hashes_of_an_earlier_version_are_recognised_as_not_current()
    {
        Assert.True(DriftHasher.IsCurrent(DriftHasher.Hash(Deployment(), null)));
        Assert.False(DriftHasher.IsCurrent("sha256:0123"));
        Assert.False(DriftHasher.IsCurrent(null));
    }

    [Fact]
    public void Excluded_paths_are_not_drift_and_others_still_are()
    {
        var exclusions = new[] { Exclude("/spec/replicas") };
        var original = DriftHasher.Hash(Deployment(), exclusions);
        Assert.Equal(original, DriftHasher.Hash(Deployment(o => o["spec"]!["replicas"] = 7), exclusions));
        Assert.Equal(original, DriftHasher.Hash(Deployment(o => o["spec"]!.AsObject().Remove("replicas")), exclusions));
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:2"), exclusions));
    }

    [Fact]
    public void Array_elements_are_excluded_by_index_without_shifting_the_others()
    {
        var exclusions = new[] { Exclude("spec/template/spec/containers/0/image") };
        var original = DriftHasher.Hash(Deployment(), exclusions);
        Assert.Equal(original, DriftHasher.Hash(Deployment(o => o["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:2"), exclusions));
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["spec"]!["template"]!["spec"]!["containers"]![1]!["image"] = "alpine"), exclusions));
    }

    [Fact]
    public void Json_pointer_escapes_reach_keys_with_slashes()
    {
        var exclusions = new[] { Exclude("/metadata/labels/app.kubernetes.io~1version") };
        var original = DriftHasher.Hash(Deployment(o => o["metadata"]!["labels"]!["app.kubernetes.io/version"] = "1"), exclusions);
        Assert.Equal(original, DriftHasher.Hash(Deployment(o => o["metadata"]!["labels"]!["app.kubernetes.io/version"] = "2"), exclusions));
        Assert.NotEqual(DriftHasher.Hash(Deployment(o => o["metadata"]!["labels"]!["app.kubernetes.io/version"] = "1"), null), DriftHasher.Hash(Deployment(o => o["metadata"]!["labels"]!["app.kubernetes.io/version"] = "2"), null));
    }

    [Fact]
    public void Exclusions_apply_only_to_the_objects_their_target_selects()
    {
        var scaled = Deployment(o => o["spec"]!["replicas"] = 7);
        foreach (var (target, applies) in new (PatchTarget, bool)[]
                 {
                     (Target(kind: "Deployment"), true),
                     (Target(kind: "StatefulSet"), false),
                     (Target(name: "web"), true),
                     (Target(name: "we.*"), true),
                     (Target(name: "api"), false),
                     (Target(ns: "dev"), false),
                     (Target(labels: "app=web"), true),
                     (Target(labels: "app in (api)"), false),
                 })
        {
            var exclusions = new[] { Exclude("/spec/replicas", target) };
            Assert.True(applies == (DriftHasher.Hash(Deployment(), exclusions) == DriftHasher.Hash(scaled, exclusions)), $"target {target}");
        }
    }

    [Fact]
    public void The_ignore_annotation_marks_an_object_as_not_checked()
    {
        Assert.False(DriftHasher.IsIgnored(Deployment()));
        Assert.True(DriftHasher.IsIgnored(Deployment(o => o["metadata"]!["annotations"]![DriftHasher.IgnoreAnnotation] = "ok")));
    }

    [Fact]
    public void A_missing_excluded_path_is_not_an_error()
    {
        var exclusions = new[] { Exclude("/spec/nothing/here"), Exclude("/spec/template/spec/containers/9/image"), Exclude("") };
        Assert.Equal(DriftHasher.Hash(Deployment(), null), DriftHasher.Hash(Deployment(), exclusions));
    }
}
