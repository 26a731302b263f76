using System.Text.Json.Nodes;
using Sveltos.KubeSim.Patching;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Tests.Unit;

public sealed class PatchTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static string Text(JsonNode? node) => node!.ToJsonString();

    [Fact]
    public void Merge_patch_replaces_lists_removes_nulls_and_merges_maps() =>
        Assert.Equal("""{"a":{"b":1,"d":3},"l":[9]}""",
            Text(JsonMergePatch.Apply(Obj("""{"a":{"b":1,"c":2},"l":[1,2]}"""), Obj("""{"a":{"c":null,"d":3},"l":[9]}"""))));

    [Fact]
    public void Json_patch_supports_every_operation()
    {
        var document = Obj("""{"a":{"b":1},"l":[1,2]}""");
        var operations = JsonNode.Parse("""
            [{"op":"add","path":"/l/-","value":3},{"op":"replace","path":"/a/b","value":5},{"op":"copy","from":"/a/b","path":"/c"},
             {"op":"move","from":"/l/0","path":"/first"},{"op":"remove","path":"/a"},{"op":"test","path":"/c","value":5},
             {"op":"add","path":"/x~1y","value":true}]
            """)!.AsArray();

        Assert.Equal("""{"l":[2,3],"c":5,"first":1,"x/y":true}""", Text(JsonPatch.Apply(document, operations)));
    }

    [Fact]
    public void Json_patch_fails_on_a_failed_test_or_missing_path()
    {
        Assert.Throws<PatchException>(() => JsonPatch.Apply(Obj("""{"a":1}"""), JsonNode.Parse("""[{"op":"test","path":"/a","value":2}]""")!.AsArray()));
        Assert.Throws<PatchException>(() => JsonPatch.Apply(Obj("""{"a":1}"""), JsonNode.Parse("""[{"op":"remove","path":"/b"}]""")!.AsArray()));
    }

    [Fact]
    public void Strategic_merge_merges_containers_by_name_and_honours_directives()
    {
        var original = Obj("""
            {"spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"}]},{"name":"b","image":"b:1"}],
             "finalizers":["one"],"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}},
             "metadata":{"finalizers":["f1"]}}
            """);
        var patch = Obj("""
            {"spec":{"containers":[{"name":"b","$patch":"delete"},{"name":"c","image":"c:1"},{"name":"a","env":[{"name":"Y","value":"2"}]}],
             "$setElementOrder/containers":[{"name":"c"},{"name":"a"}],
             "strategy":{"$retainKeys":["type"],"type":"Recreate"}},
             "metadata":{"finalizers":["f2"],"$deleteFromPrimitiveList/finalizers":["f1"]}}
            """);

        var result = StrategicMergePatch.Apply(original, patch, BuiltInSchema.Instance);

        Assert.Equal("""[{"name":"c","image":"c:1"},{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]}]""", Text(result["spec"]!["containers"]));
        Assert.Equal("""{"type":"Recreate"}""", Text(result["spec"]!["strategy"]));
        Assert.Equal("""["f2"]""", Text(result["metadata"]!["finalizers"]));
    }

    [Fact]
    public void Strategic_merge_replaces_lists_without_a_merge_key_and_honours_replace()
    {
        var result = StrategicMergePatch.Apply(
            Obj("""{"spec":{"args":["a","b"],"labels":{"x":"1","y":"2"}}}"""),
            Obj("""{"spec":{"args":["c"],"labels":{"$patch":"replace","z":"3"}}}"""),
            BuiltInSchema.Instance);

        Assert.Equal("""{"spec":{"args":["c"],"labels":{"z":"3"}}}""", Text(result));
    }
}
