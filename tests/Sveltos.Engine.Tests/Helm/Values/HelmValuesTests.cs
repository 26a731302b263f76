using System.Collections;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Values;
using Sveltos.Engine.Tests.Helm.Charts;

namespace Sveltos.Engine.Tests.Helm.Values;

public class HelmValuesTests
{
    private static Chart Parent() => ChartLoader.Load(TestCharts.PathOf("parent"));

    private static HelmRenderValues Render(string userYaml = "{}", params string[] set) =>
        HelmValues.ForRender(Parent(), HelmValues.MergeUserValues(new HelmUserValues { Files = [(userYaml, "user.yaml")], Set = set }));

    private static Dictionary<string, object?> Sub(HelmRenderValues render, string name) => (Dictionary<string, object?>)render.Values[name]!;

    [Fact]
    public void User_values_merge_files_left_to_right_then_values_then_set_then_set_string()
    {
        var merged = HelmValues.MergeUserValues(new HelmUserValues
        {
            Files = [("a: 1\nm: {x: 1, w: 1}\n", "one.yaml"), ("a: 2\nm: {w: 2}\n", "two.yaml")],
            Values = new Hashtable { ["b"] = 3, ["m"] = new Hashtable { ["z"] = 3 } },
            Set = ["c=4,m.x=9"],
            SetString = ["c=5"],
        });

        Assert.Equal(2d, merged["a"]);
        Assert.Equal(3d, merged["b"]);
        Assert.Equal("5", merged["c"]);
        Assert.Equal(new Dictionary<string, object?> { ["x"] = 9L, ["w"] = 2d, ["z"] = 3d }, merged["m"]);
    }

    [Fact]
    public void A_bad_set_line_is_an_error_that_does_not_repeat_the_value()
    {
        var error = Assert.Throws<HelmException>(() => HelmValues.MergeUserValues(new HelmUserValues { Set = ["password=hunter2,oops"] }));

        Assert.Equal(HelmErrorIds.SetInvalid, error.ErrorId);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Contains("failed parsing --set data", error.Message);
    }

    [Fact]
    public void Subcharts_get_their_defaults_overridden_by_the_parent_under_their_name_and_alias()
    {
        var render = Render();

        Assert.Equal("hello from parent", Sub(render, "child")["greeting"]);
        Assert.Equal("hello second", Sub(render, "second")["greeting"]);
        Assert.Equal(["child", "second", "lib", "tagged"], render.Chart.Dependencies.Select(d => d.Name));
        Assert.Equal("parent/charts/second", render.Chart.Dependencies.Single(d => d.Name == "second").ChartFullPath);
    }

    [Fact]
    public void Globals_flow_down_with_the_parent_winning()
    {
        var global = (Dictionary<string, object?>)Sub(Render(), "child")["global"]!;

        Assert.Equal("dev", global["env"]);
        Assert.Equal("eu", global["region"]);
        Assert.Equal(true, global["childOnly"]);
    }

    [Fact]
    public void A_condition_disables_a_subchart_and_the_first_condition_path_with_a_bool_wins()
    {
        Assert.DoesNotContain(Render().Chart.Dependencies, d => d.Name == "optional");
        Assert.Contains(Render("optional: {enabled: true}\n").Chart.Dependencies, d => d.Name == "optional");
        Assert.Contains(Render("optional: {enabled: null}\nglobal: {optionalEnabled: true}\n").Chart.Dependencies, d => d.Name == "optional");
    }

    [Fact]
    public void Tags_enable_and_disable_subcharts()
    {
        Assert.Contains(Render().Chart.Dependencies, d => d.Name == "tagged");
        Assert.DoesNotContain(Render(set: "tags.front=false").Chart.Dependencies, d => d.Name == "tagged");
    }

    [Fact]
    public void Import_values_bring_child_exports_and_child_parent_pairs_into_the_parent()
    {
        var values = Render().Values;

        Assert.Equal("from-exports", values["exported"]);
        Assert.Equal(new Dictionary<string, object?> { ["level"] = 3d }, values["imported"]);
    }

    [Fact]
    public void A_user_null_deletes_a_chart_default()
    {
        Assert.False(Render(set: "image.tag=null").Values.TryGetValue("image", out var image) && ((Dictionary<string, object?>)image!).ContainsKey("tag"));
    }

    [Fact]
    public void The_loaded_chart_is_not_changed_by_a_render()
    {
        var chart = Parent();

        HelmValues.ForRender(chart, new Dictionary<string, object?>());

        Assert.Equal(["child", "lib", "optional", "tagged"], chart.Dependencies.Select(d => d.Name));
        Assert.False(chart.Values.ContainsKey("exported"));
    }

    [Fact]
    public void A_v1_chart_uses_requirements_yaml_conditions()
    {
        var render = HelmValues.ForRender(ChartLoader.Load(TestCharts.PathOf("legacy")), new Dictionary<string, object?>());

        Assert.Equal(8080d, Sub(render, "sub")["port"]);
        Assert.Empty(HelmValues.ForRender(ChartLoader.Load(TestCharts.PathOf("legacy")), HelmValues.MergeUserValues(new HelmUserValues { Set = ["sub.enabled=false"] })).Chart.Dependencies);
    }

    [Fact]
    public void Schema_violations_of_every_chart_are_reported_with_path_and_rule()
    {
        var error = Assert.Throws<HelmException>(() => Render("replicaCount: 0\nchild: {settings: {level: 5}}\n"));

        Assert.Equal(HelmErrorIds.SchemaViolation, error.ErrorId);
        Assert.StartsWith("values don't meet the specifications of the schema(s) in the following chart(s):\nparent:\n- at '/replicaCount': ", error.Message);
        Assert.Contains("(minimum)", error.Message);
        Assert.Contains("\nchild:\n- at '/settings/level': ", error.Message);
        Assert.Contains("(exclusiveMaximum)", error.Message);
    }

    [Fact]
    public void Values_that_meet_the_schemas_pass()
    {
        Assert.Equal(1d, Render().Values["replicaCount"]);
    }

    [Fact]
    public void A_non_mapping_for_a_subchart_is_an_error()
    {
        Assert.Contains("must be a mapping", Assert.Throws<HelmException>(() => Render("child: text\n")).Message);
    }
}
