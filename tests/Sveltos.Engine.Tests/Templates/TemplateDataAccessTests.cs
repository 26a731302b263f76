using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

public class TemplateDataAccessTests
{
    [Fact]
    public void Cluster_fields_are_reached_with_dot_access()
    {
        Assert.Equal("prod-1 fleet eu-west platform 3 true", Render(
            "{{ cluster.metadata.name }} {{ cluster.metadata.namespace }} {{ cluster.metadata.labels.region }} " +
            "{{ cluster.metadata.annotations[\"team/owner\"] }} {{ cluster.spec.replicas }} {{ cluster.status.ready }}"));
    }

    [Fact]
    public void Keys_with_dots_dashes_and_slashes_are_reached_with_an_indexer()
    {
        Assert.Equal("web present", Render("{{ cluster.metadata.labels[\"app.kubernetes.io/name\"] }} {{ cluster.metadata.labels[\"sveltos-agent\"] }}"));
    }

    [Fact]
    public void Shortcuts_name_the_cluster_its_namespace_and_version()
    {
        Assert.Equal("prod-1/fleet v1.30.2", Render("{{ cluster_name }}/{{ cluster_namespace }} {{ kubernetes_version }}"));
    }

    [Fact]
    public void A_cluster_without_namespace_has_an_empty_namespace_shortcut()
    {
        var cluster = Cluster();
        ((JsonObject)cluster["metadata"]!).Remove("namespace");
        Assert.Equal("[]", Render("[{{ cluster_namespace }}]", Data(cluster)));
    }

    [Fact]
    public void Fetched_resources_are_reached_by_identifier()
    {
        var data = Data(resources: new() { ["Bucket"] = Bucket(), ["db-credentials"] = Bucket("db") });
        Assert.Equal(
            "https://buckets.example.com/prod-1 db-bucket",
            Render("{{ resources.Bucket.status.atProvider.url }} {{ resources[\"db-credentials\"].metadata.name }}", data));
    }

    [Fact]
    public void Labels_can_be_iterated_as_key_value_pairs()
    {
        Assert.Equal("app.kubernetes.io/name=web,env=prod,region=eu-west,sveltos-agent=present,", Render(
            "{{ for label in cluster.metadata.labels | array.sort \"key\" }}{{ label.key }}={{ label.value }},{{ end }}"));
    }

    [Fact]
    public void Lists_in_the_data_are_indexed_and_iterated()
    {
        var cluster = Cluster();
        cluster["spec"]!["zones"] = new JsonArray("a", "b", "c");
        Assert.Equal("b|a,b,c,|3", Render("{{ cluster.spec.zones[1] }}|{{ for z in cluster.spec.zones }}{{ z }},{{ end }}|{{ cluster.spec.zones.size }}", Data(cluster)));
    }

    [Fact]
    public void Changing_data_in_a_template_does_not_change_the_callers_objects_or_later_renderings()
    {
        var data = Data();
        var template = new TemplateRenderer().Compile("{{ cluster.metadata.name = \"changed\" }}{{ resources.Bucket.spec.region = \"x\" }}{{ cluster.metadata.name }}", "t");
        Assert.Equal("changed", template.Render(data));
        Assert.Equal("changed", template.Render(data));
        Assert.Equal("prod-1", data.Cluster["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("eu-west", data.Resources["Bucket"]["spec"]!["region"]!.GetValue<string>());
    }

    [Fact]
    public void Values_built_in_code_read_as_their_json_form()
    {
        var cluster = Cluster();
        cluster["status"]!["lastProbe"] = JsonValue.Create(new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        cluster["status"]!["id"] = JsonValue.Create(Guid.Empty);
        Assert.Equal("2025-01-02T03:04:05Z 00000000-0000-0000-0000-000000000000", Render("{{ cluster.status.lastProbe }} {{ cluster.status.id }}", Data(cluster)));
    }

    [Fact]
    public void Numbers_render_as_valid_yaml_numbers()
    {
        Assert.Equal("3 0.25 1.5 .inf -.inf .nan", Render("{{ cluster.spec.replicas }} {{ cluster.spec.ratio }} {{ 3 / 2 }} {{ 1.0 / 0 }} {{ -1.0 / 0 }} {{ 0.0 / 0 }}"));
    }
}
