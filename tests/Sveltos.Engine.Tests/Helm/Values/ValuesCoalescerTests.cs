using System.Text;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Values;

namespace Sveltos.Engine.Tests.Helm.Values;

/// <summary>Cases from Helm's pkg/chartutil coalesce_test.go (TestCoalesceValues, TestCoalesceTables).</summary>
public class ValuesCoalescerTests
{
    internal static Chart Make(string name, string values, params Chart[] dependencies)
    {
        var chart = ChartLoader.LoadFiles(
            [new ChartFile("Chart.yaml", Encoding.UTF8.GetBytes($"apiVersion: v2\nname: {name}\nversion: 1.0.0\n")), new ChartFile("values.yaml", Encoding.UTF8.GetBytes(values))], name);
        foreach (var dependency in dependencies)
        {
            chart.AddDependency(dependency);
        }

        return chart;
    }

    private static object? At(Dictionary<string, object?> values, string path) =>
        path.Split('.').Aggregate((object?)values, (v, key) => v is Dictionary<string, object?> m && m.TryGetValue(key, out var next) ? next : "<no value>");

    private const string UserValues = """
        top: yup
        bottom: null
        right: Null
        left: NULL
        front: ~
        back: ""
        nested:
          boat: null
        global:
          name: Ishmael
          subject: Queequeg
          nested:
            boat: true
        pequod:
          global:
            name: Stinky
            harpooner: Tashtego
            nested:
              boat: false
              sail: true
          ahab:
            scope: whale
            boat: null
            nested:
              foo: true
              bar: null
        """;

    private static Chart Moby() => Make("moby",
        "back: exists\nbottom: exists\nfront: exists\nleft: exists\nname: moby\nnested: {boat: true}\noverride: bad\nright: exists\nscope: moby\ntop: nope\n",
        Make("pequod", "name: pequod\nscope: pequod\n", Make("ahab", "scope: ahab\nname: ahab\nboat: true\nnested: {foo: false, bar: true}\n")),
        Make("spouter", "scope: spouter\n"));

    [Theory]
    [InlineData("top", "yup")]
    [InlineData("back", "")]
    [InlineData("name", "moby")]
    [InlineData("global.name", "Ishmael")]
    [InlineData("global.subject", "Queequeg")]
    [InlineData("global.harpooner", "<no value>")]
    [InlineData("pequod.name", "pequod")]
    [InlineData("pequod.ahab.name", "ahab")]
    [InlineData("pequod.ahab.scope", "whale")]
    [InlineData("pequod.ahab.nested.foo", true)]
    [InlineData("pequod.ahab.global.name", "Ishmael")]
    [InlineData("pequod.ahab.global.subject", "Queequeg")]
    [InlineData("pequod.ahab.global.harpooner", "Tashtego")]
    [InlineData("pequod.global.name", "Ishmael")]
    [InlineData("pequod.global.subject", "Queequeg")]
    [InlineData("spouter.global.name", "Ishmael")]
    [InlineData("spouter.global.harpooner", "<no value>")]
    [InlineData("global.nested.boat", true)]
    [InlineData("pequod.global.nested.boat", true)]
    [InlineData("spouter.global.nested.boat", true)]
    [InlineData("pequod.global.nested.sail", true)]
    [InlineData("spouter.global.nested.sail", "<no value>")]
    public void Coalesced_values_are_helms(string path, object expected)
    {
        var values = new ValuesCoalescer([]).Coalesce(Moby(), HelmValues.ReadFile(UserValues, "user.yaml"), merge: false);

        Assert.Equal(expected, At(values, path));
    }

    [Theory]
    [InlineData("bottom")]
    [InlineData("right")]
    [InlineData("left")]
    [InlineData("front")]
    [InlineData("nested.boat")]
    [InlineData("pequod.ahab.boat")]
    [InlineData("pequod.ahab.nested.bar")]
    public void A_user_null_deletes_the_key_and_the_chart_default(string path)
    {
        var values = new ValuesCoalescer([]).Coalesce(Moby(), HelmValues.ReadFile(UserValues, "user.yaml"), merge: false);

        Assert.Equal("<no value>", At(values, path));
    }

    [Fact]
    public void Coalescing_does_not_change_the_user_values_or_the_chart()
    {
        var user = HelmValues.ReadFile(UserValues, "user.yaml");
        var chart = Moby();

        new ValuesCoalescer([]).Coalesce(chart, user, merge: false);

        Assert.True(user.ContainsKey("bottom"));
        Assert.Equal("exists", chart.Values["bottom"]);
    }

    [Fact]
    public void Tables_merge_maps_replace_the_rest_and_warn_on_type_mismatches()
    {
        var warnings = new List<string>();
        var dst = HelmValues.ReadFile("name: Ishmael\naddress: {street: 123 Spouter Inn Ct., city: Nantucket, country: null}\ndetails: {friends: [Tashtego]}\nboat: pequod\nhole: null\n", "main");
        var src = HelmValues.ReadFile("occupation: whaler\naddress: {state: MA, street: 234 Spouter Inn Ct., country: US}\ndetails: empty\nboat: {mast: true}\nhole: black\n", "secondary");

        new ValuesCoalescer(warnings).Tables(dst, src, merge: false);

        Assert.Equal("Ishmael", dst["name"]);
        Assert.Equal("whaler", dst["occupation"]);
        var address = (Dictionary<string, object?>)dst["address"]!;
        Assert.Equal("123 Spouter Inn Ct.", address["street"]);
        Assert.Equal("MA", address["state"]);
        Assert.False(address.ContainsKey("country"));
        Assert.False(dst.ContainsKey("hole"));
        Assert.Equal("pequod", dst["boat"]);
        Assert.Contains("warning: cannot overwrite table with non table for boat (map[mast:true])", warnings);
        Assert.Contains("warning: destination for details is a table. Ignoring non-table value (empty)", warnings);
    }

    [Fact]
    public void Lists_are_replaced_not_merged()
    {
        var values = new ValuesCoalescer([]).Coalesce(Make("c", "ports: [80, 443]\n"), HelmValues.ReadFile("ports: [8080]\n", "u"), merge: false);

        Assert.Equal(new List<object?> { 8080d }, values["ports"]);
    }
}
