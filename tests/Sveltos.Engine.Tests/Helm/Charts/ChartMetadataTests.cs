using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Tests.Helm.Charts;

public class ChartMetadataTests
{
    private static HelmException Invalid(string yaml) => Assert.Throws<HelmException>(() => ChartMetadata.Parse(yaml, "mychart/Chart.yaml"));

    [Fact]
    public void A_chart_without_api_version_is_read_as_v1()
    {
        Assert.Equal("v1", ChartMetadata.Parse("name: old\nversion: 1.0.0\n", "Chart.yaml").ApiVersion);
    }

    [Fact]
    public void A_missing_name_is_an_error_naming_file_and_line()
    {
        var error = Invalid("apiVersion: v2\nversion: 1.0.0\n");

        Assert.Equal(HelmErrorIds.ChartInvalid, error.ErrorId);
        Assert.Equal("mychart/Chart.yaml", error.SourceFile);
        Assert.Contains("chart.metadata.name is required", error.Message);
    }

    [Fact]
    public void A_missing_version_is_an_error()
    {
        Assert.Contains("chart.metadata.version is required", Invalid("apiVersion: v2\nname: a\n").Message);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3-alpha.1+build.5")]
    [InlineData("0.0.0-rc1")]
    public void Versions_masterminds_semver_accepts_are_valid(string version)
    {
        Assert.Equal(version, ChartMetadata.Parse($"apiVersion: v2\nname: a\nversion: \"{version}\"\n", "Chart.yaml").Version);
    }

    [Theory]
    [InlineData("1.2.3.4")]
    [InlineData("abc")]
    [InlineData("1.2.3-01")]
    [InlineData("1.0.x")]
    public void An_invalid_semver_version_is_an_error_on_its_line(string version)
    {
        var error = Invalid($"apiVersion: v2\nname: a\nversion: \"{version}\"\n");

        Assert.Contains($"\"{version}\" is invalid", error.Message);
        Assert.Equal(3, error.SourceLine);
    }

    [Fact]
    public void An_unquoted_number_for_a_string_field_is_a_type_error_as_in_helm()
    {
        var error = Invalid("apiVersion: v2\nname: a\nversion: 1.0.0\nappVersion: 1.10\n");

        Assert.Contains("'appVersion' must be of type string, not the number 1.10 (quote it)", error.Message);
        Assert.Equal(4, error.SourceLine);
    }

    [Fact]
    public void An_unknown_api_version_is_an_error()
    {
        Assert.Contains("apiVersion 'v3' is not valid", Invalid("apiVersion: v3\nname: a\nversion: 1.0.0\n").Message);
    }

    [Fact]
    public void A_type_other_than_application_or_library_is_an_error()
    {
        Assert.Contains("must be application or library", Invalid("apiVersion: v2\nname: a\nversion: 1.0.0\ntype: plugin\n").Message);
    }

    [Fact]
    public void A_name_with_a_path_separator_is_an_error()
    {
        Assert.Contains("is invalid", Invalid("apiVersion: v2\nname: a/b\nversion: 1.0.0\n").Message);
    }

    [Fact]
    public void An_alias_with_disallowed_characters_is_an_error()
    {
        Assert.Contains("disallowed characters in the alias", Invalid("apiVersion: v2\nname: a\nversion: 1.0.0\ndependencies:\n- name: b\n  alias: 'b c'\n").Message);
    }

    [Fact]
    public void Two_dependencies_with_the_same_name_or_alias_are_an_error()
    {
        Assert.Contains("more than one dependency with name or alias \"b\"", Invalid("apiVersion: v2\nname: a\nversion: 1.0.0\ndependencies:\n- name: b\n- name: c\n  alias: b\n").Message);
    }

    [Fact]
    public void A_null_maintainer_is_an_error()
    {
        Assert.Contains("maintainers must not contain empty or null nodes", Invalid("apiVersion: v2\nname: a\nversion: 1.0.0\nmaintainers:\n- \n").Message);
    }

    [Fact]
    public void Field_names_match_case_insensitively_as_encoding_json_does()
    {
        Assert.Equal("a", ChartMetadata.Parse("apiVersion: v2\nNAME: a\nVersion: 1.0.0\n", "Chart.yaml").Name);
    }

    [Fact]
    public void Strings_are_sanitized_whitespace_to_spaces()
    {
        Assert.Equal("two lines", ChartMetadata.Parse("apiVersion: v2\nname: a\nversion: 1.0.0\ndescription: \"two\\nlines\"\n", "Chart.yaml").Description);
    }

    [Fact]
    public void Dependencies_keep_condition_tags_alias_and_both_import_values_forms()
    {
        var metadata = ChartMetadata.Parse(
            "apiVersion: v2\nname: a\nversion: 1.0.0\ndependencies:\n- name: b\n  condition: b.enabled\n  tags: [x, front]\n  alias: bee\n  import-values:\n  - data\n  - child: c\n    parent: p\n",
            "Chart.yaml");

        var dependency = Assert.Single(metadata.Dependencies);
        Assert.Equal("b.enabled", dependency.Condition);
        Assert.Equal(["x", "front"], dependency.Tags);
        Assert.Equal("bee", dependency.Alias);
        Assert.Equal("data", dependency.ImportValues[0]);
        Assert.Equal(new Dictionary<string, object?> { ["child"] = "c", ["parent"] = "p" }, dependency.ImportValues[1]);
    }

    [Fact]
    public void The_template_value_uses_go_field_names()
    {
        var value = ChartMetadata.Parse("apiVersion: v2\nname: a\nversion: 1.0.0\nappVersion: \"2\"\n", "Chart.yaml").ToTemplateValue();

        Assert.Equal("a", value["Name"]);
        Assert.Equal("2", value["AppVersion"]);
        Assert.Equal("v2", value["APIVersion"]);
    }
}
