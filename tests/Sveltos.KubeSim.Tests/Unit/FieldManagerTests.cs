using System.Text.Json.Nodes;
using Sveltos.KubeSim.Apply;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Tests.Unit;

public sealed class FieldManagerTests
{
    private readonly FieldManager _manager = new(BuiltInSchema.Instance, "", hasStatus: true);

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static string Owned(JsonObject obj, string manager) =>
        obj.Metadata()["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == manager)!["fieldsV1"]!.ToJsonString();

    private JsonObject Apply(JsonObject? live, string config, string manager, bool force = false)
    {
        var (result, conflicts) = _manager.Apply(live, Obj(config), manager, "apps/v1", force, "2024-01-01T00:00:00Z");
        Assert.Empty(conflicts);
        return result!;
    }

    [Fact]
    public void Apply_owns_leaves_and_keyed_list_items()
    {
        var result = Apply(null, """{"metadata":{"name":"d","labels":{"a":"1"}},"spec":{"template":{"spec":{"containers":[{"name":"web","image":"x"}]}}}}""", "m");

        Assert.Equal(
            """{"f:metadata":{"f:labels":{"f:a":{}}},"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\u0022name\u0022:\u0022web\u0022}":{".":{},"f:image":{},"f:name":{}}}}}}}""",
            Owned(result, "m"));
    }

    [Fact]
    public void Another_managers_field_with_a_different_value_conflicts_and_force_takes_it()
    {
        var live = Apply(null, """{"metadata":{"name":"d"},"spec":{"replicas":1,"paused":false}}""", "first");

        var (result, conflicts) = _manager.Apply(live, Obj("""{"metadata":{"name":"d"},"spec":{"replicas":3,"paused":false}}"""), "second", "apps/v1", false, "t");
        var forced = Apply(live, """{"metadata":{"name":"d"},"spec":{"replicas":3,"paused":false}}""", "second", force: true);

        Assert.Null(result);
        var conflict = Assert.Single(conflicts);
        Assert.Equal(".spec.replicas", conflict.Path);
        Assert.Equal("first", conflict.Owner.Manager);
        Assert.Equal("""{"f:spec":{"f:paused":{}}}""", Owned(forced, "first"));
        Assert.Equal(3, forced["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Fields_a_manager_stops_applying_are_removed_unless_someone_else_owns_them()
    {
        var live = Apply(null, """{"metadata":{"name":"d"},"spec":{"a":1,"b":2,"c":3}}""", "one");
        live = Apply(live, """{"metadata":{"name":"d"},"spec":{"b":2}}""", "two");

        var result = Apply(live, """{"metadata":{"name":"d"},"spec":{}}""", "one");

        Assert.Equal("""{"b":2}""", result["spec"]!.ToJsonString());
    }

    [Fact]
    public void Updates_take_over_changed_fields_from_appliers()
    {
        var live = Apply(null, """{"metadata":{"name":"d"},"spec":{"replicas":1,"paused":false}}""", "applier");
        var updated = (JsonObject)live.DeepClone();
        updated["spec"]!["replicas"] = 5;

        _manager.TrackUpdate(live, updated, "scaler", "apps/v1", "t");

        Assert.Equal("""{"f:spec":{"f:paused":{}}}""", Owned(updated, "applier"));
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Owned(updated, "scaler"));
    }

    [Fact]
    public void Status_is_not_owned_through_the_main_resource()
    {
        var result = Apply(null, """{"metadata":{"name":"d"},"spec":{"replicas":1},"status":{"replicas":1}}""", "m");

        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Owned(result, "m"));
    }

    [Fact]
    public void Reapplying_the_same_configuration_changes_nothing()
    {
        const string config = """{"metadata":{"name":"d","labels":{"a":"1"}},"spec":{"replicas":2}}""";
        var first = Apply(null, config, "m");

        var second = Apply(first, config, "m");

        Assert.True(JsonNode.DeepEquals(first, second));
    }
}
