using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

public class TemplateResourceFunctionTests
{
    [Fact]
    public void Get_resource_returns_the_fetched_object_for_dot_access()
    {
        Assert.Equal("https://buckets.example.com/prod-1", Render("{{ (get_resource \"Bucket\").status.atProvider.url }}"));
    }

    [Fact]
    public void Get_resource_drops_uid_resource_version_and_managed_fields_as_sveltos_does()
    {
        Assert.Equal("name,namespace,creationTimestamp,labels", Render("{{ get_resource \"Bucket\" | get_field \"metadata\" | object.keys | array.join \",\" }}"));
    }

    [Fact]
    public void Get_resource_of_an_unknown_identifier_is_a_missing_key_naming_the_known_ones()
    {
        var error = RenderFails("{{ get_resource \"Buckets\" }}");
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Contains("'Buckets'", error.Message);
        Assert.Contains("fetched: Bucket", error.Message);
    }

    [Fact]
    public void Copy_writes_the_resource_as_yaml_without_server_fields()
    {
        var yaml = Render("{{ copy \"Bucket\" }}");
        Assert.StartsWith("apiVersion: storage.example.com/v1\nkind: Bucket\nmetadata:\n  name: prod-1-bucket\n", yaml);
        Assert.DoesNotContain("uid", yaml);
        Assert.DoesNotContain("resourceVersion", yaml);
        Assert.DoesNotContain("managedFields", yaml);
        Assert.Contains("creationTimestamp: ", yaml); // Sveltos' copy keeps it; the API server ignores it on apply
        Assert.False(yaml.EndsWith('\n'));
    }

    [Fact]
    public void Copy_is_a_deep_copy_that_leaves_the_fetched_object_unchanged()
    {
        var data = Data();
        Render("{{ x = get_resource \"Bucket\"; x.spec.region = \"us\" }}{{ copy \"Bucket\" }}", data);
        Assert.Equal("4711", data.Resources["Bucket"]["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Contains("region: eu-west", Render("{{ x = get_resource \"Bucket\"; x.spec.region = \"us\" }}{{ copy \"Bucket\" }}", data));
    }

    [Fact]
    public void Get_field_reads_a_dot_path()
    {
        Assert.Equal("eu-west true", Render("{{ get_field resources.Bucket \"spec.region\" }} {{ resources.Bucket | get_field \"spec.versioning\" }}"));
    }

    [Fact]
    public void Get_field_reads_keys_with_dots_through_a_list_path()
    {
        Assert.Equal("web", Render("{{ get_field cluster [\"metadata\", \"labels\", \"app.kubernetes.io/name\"] }}"));
    }

    [Fact]
    public void Get_field_indexes_lists_with_numeric_keys()
    {
        Assert.Equal("crossplane", Render("{{ get_field resources.Bucket \"metadata.managedFields.0.manager\" }}"));
    }

    [Fact]
    public void Get_field_of_a_missing_path_is_an_error_unless_a_fallback_is_given()
    {
        var error = RenderFails("{{ get_field cluster \"spec.nothing.here\" }}");
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Contains("'spec.nothing.here'", error.Message);
        Assert.Equal("none", Render("{{ get_field cluster \"spec.nothing.here\" \"none\" }}"));
    }

    [Fact]
    public void Set_field_returns_the_changed_object_as_yaml_without_server_fields()
    {
        var yaml = Render("{{ set_field resources.Bucket \"metadata.name\" (cluster_name + \"-copy\") }}");
        Assert.Contains("  name: prod-1-copy\n", yaml);
        Assert.DoesNotContain("uid", yaml);
    }

    [Fact]
    public void Set_field_creates_the_missing_maps_of_a_nested_path()
    {
        Assert.Equal(
            "a:\n  b:\n    c:\n      d: 1",
            Render("{{ set_field {} \"a.b.c.d\" 1 }}"));
    }

    [Fact]
    public void Set_field_sets_a_whole_object_value()
    {
        Assert.Contains("spec:\n  region: eu-west\n  versioning: true\n  tags:\n    team: platform\n    cost: '42'\n",
            Render("{{ set_field resources.Bucket \"spec.tags\" { team: \"platform\", cost: \"42\" } }}"));
    }

    [Fact]
    public void Set_field_through_a_string_is_a_function_error()
    {
        var error = RenderFails("{{ set_field resources.Bucket \"spec.region.code\" \"x\" }}");
        Assert.Equal(TemplateErrorIds.FunctionError, error.ErrorId);
        Assert.Contains("'spec.region' is the value \"eu-west\", not a map", error.Message);
    }

    [Fact]
    public void Set_field_does_not_change_its_input()
    {
        Assert.Equal("eu-west", Render("{{ x = resources.Bucket; y = set_field x \"spec.region\" \"us\"; x.spec.region }}"));
    }

    [Fact]
    public void Remove_field_returns_yaml_without_the_field()
    {
        var yaml = Render("{{ remove_field resources.Bucket \"status\" }}");
        Assert.DoesNotContain("status", yaml);
        Assert.Contains("kind: Bucket", yaml);
    }

    [Fact]
    public void Remove_field_of_a_missing_path_changes_nothing()
    {
        Assert.Equal(Render("{{ copy \"Bucket\" }}"), Render("{{ remove_field resources.Bucket \"spec.nothing.here\" }}"));
    }

    [Fact]
    public void Chain_forms_return_objects_so_changes_compose()
    {
        Assert.Equal(
            "apiVersion: storage.example.com/v1\nkind: Bucket\nmetadata:\n  name: prod-1-replica\nspec:\n  region: us-east\n  versioning: true",
            Render("""
                {{- get_resource "Bucket" |
                    chain_set_field "metadata.name" (cluster_name + "-replica") |
                    chain_set_field "spec.region" "us-east" |
                    chain_remove_field "status" |
                    chain_remove_field "metadata.namespace" |
                    chain_remove_field "metadata.labels" |
                    chain_remove_field "metadata.creationTimestamp" |
                    to_yaml }}
                """));
    }

    [Fact]
    public void Field_functions_need_an_object()
    {
        Assert.Equal(TemplateErrorIds.FunctionError, RenderFails("{{ set_field \"text\" \"a\" 1 }}").ErrorId);
        Assert.Equal(TemplateErrorIds.FunctionError, RenderFails("{{ get_field cluster \"\" }}").ErrorId);
    }

    [Fact]
    public void A_fetched_resource_with_a_null_field_reads_as_null_and_is_caught_by_required()
    {
        var data = Data(resources: new() { ["Bucket"] = Bucket(url: null) });
        Assert.Equal("[]", Render("[{{ resources.Bucket.status.atProvider.url }}]", data));
        var error = RenderFails("{{ resources.Bucket.status.atProvider.url | required \"the bucket has no URL yet\" }}", data);
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Contains("the bucket has no URL yet", error.Message);
    }
}
