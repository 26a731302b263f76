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
                "creationTimestamp": "2024-01-01T00:00:00Z", "managedFields": [{"manager": "sveltos"}],
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
            o["metadata"]!["managedFields"] = new JsonArray();
        });
        Assert.Equal(DriftHasher.Hash(Deployment(), null), DriftHasher.Hash(changed, null));
    }

    [Fact]
    public void Spec_labels_and_annotations_are_drift()
    {
        var original = DriftHasher.Hash(Deployment(), null);
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["spec"]!["replicas"] = 3), null));
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["metadata"]!["labels"]!["extra"] = "x"), null));
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["metadata"]!["annotations"]!.AsObject().Remove("projectsveltos.io/owner-name")), null));
        Assert.NotEqual(original, DriftHasher.Hash(Deployment(o => o["data"] = "top-level fields other than metadata and status count"), null));
    }

    [Fact]
    public void Annotations_controllers_write_on_rollout_are_not_drift()
    {
        var rolled = Deployment(o => o["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"] = "3");
        Assert.Equal(DriftHasher.Hash(Deployment(), null), DriftHasher.Hash(rolled, null));
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
