using System.Text;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Tests.Helm.Charts;

public class ChartLoaderTests
{
    private static Chart Parent() => ChartLoader.Load(TestCharts.PathOf("parent"));

    [Fact]
    public void A_chart_folder_is_sorted_into_metadata_values_schema_templates_files_and_subcharts()
    {
        var chart = Parent();

        Assert.Equal("parent", chart.Name);
        Assert.Equal("1.2.3", chart.Metadata.Version);
        Assert.Equal("2.0", chart.Metadata.AppVersion);
        Assert.Equal(["test", "sveltos"], chart.Metadata.Keywords);
        Assert.Equal("Testing", chart.Metadata.Annotations["category"]);
        Assert.Equal(5, chart.Metadata.Dependencies.Count);
        Assert.NotNull(chart.Schema);
        Assert.Equal(["templates/NOTES.txt", "templates/_helpers.tpl", "templates/configmap.yaml"], chart.Templates.Select(t => t.Path));
        Assert.Equal([".helmignore", "crds/README.md", "crds/widget.yaml", "files/config.txt"], chart.Files.Select(f => f.Path));
        Assert.Equal(["child", "lib", "optional", "tagged"], chart.Dependencies.Select(d => d.Name));
        Assert.All(chart.Dependencies, d => Assert.Same(chart, d.Parent));
    }

    [Fact]
    public void Values_yaml_numbers_are_doubles_as_sigs_yaml_gives_them()
    {
        var values = Parent().Values;

        Assert.Equal(1d, values["replicaCount"]);
        Assert.Equal(1000000d, values["bigNumber"]);
        Assert.Equal(new List<object?> { 80d, 443d }, values["ports"]);
        Assert.Equal("1.25", ((Dictionary<string, object?>)values["image"]!)["tag"]);
    }

    [Fact]
    public void Helmignore_rules_and_the_default_templates_dotfile_rule_leave_files_out()
    {
        var paths = Parent().Raw.Select(f => f.Path).ToList();

        Assert.DoesNotContain("ignored.txt", paths);
        Assert.DoesNotContain("ignored-dir/file.txt", paths);
        Assert.DoesNotContain("notes.bak", paths);
        Assert.DoesNotContain("templates/.hidden.yaml", paths);
        Assert.Contains("charts/child/values.yaml", paths);
    }

    [Fact]
    public void Subchart_folders_starting_with_an_underscore_are_not_charts()
    {
        Assert.DoesNotContain(Parent().Dependencies, d => d.Name.StartsWith('_'));
    }

    [Fact]
    public void Chart_paths_name_the_subchart_under_its_parent()
    {
        var child = Parent().Dependencies.Single(d => d.Name == "child");

        Assert.False(child.IsRoot);
        Assert.Equal("parent.charts.child", child.ChartPath);
        Assert.Equal("parent/charts/child", child.ChartFullPath);
    }

    [Fact]
    public void Crd_objects_are_the_manifest_files_of_crds()
    {
        var crds = Parent().CrdObjects;

        var crd = Assert.Single(crds);
        Assert.Equal("crds/widget.yaml", crd.Name);
        Assert.Equal("parent/crds/widget.yaml", crd.Filename);
    }

    [Fact]
    public void A_library_chart_is_known_as_one()
    {
        Assert.True(Parent().Dependencies.Single(d => d.Name == "lib").Metadata.IsLibrary);
        Assert.False(Parent().Metadata.IsLibrary);
    }

    [Fact]
    public void A_v1_chart_takes_its_dependencies_from_requirements_yaml_and_keeps_the_files()
    {
        var chart = ChartLoader.Load(TestCharts.PathOf("legacy"));

        Assert.Equal("v1", chart.Metadata.ApiVersion);
        var dependency = Assert.Single(chart.Metadata.Dependencies);
        Assert.Equal("sub", dependency.Name);
        Assert.Equal("sub.enabled", dependency.Condition);
        Assert.NotNull(chart.Lock);
        Assert.Equal("sub", Assert.Single(chart.Lock!.Dependencies).Name);
        Assert.Contains(chart.Files, f => f.Path == "requirements.yaml");
        Assert.Contains(chart.Files, f => f.Path == "requirements.lock");
    }

    [Fact]
    public void A_v2_chart_reads_requirements_yaml_but_does_not_keep_it_as_a_file()
    {
        var chart = ChartLoader.LoadArchive(TestCharts.Archive(
            ("mini/Chart.yaml", TestCharts.MinimalChartYaml),
            ("mini/requirements.yaml", "dependencies:\n- name: dep\n  version: 1.0.0\n")), "mini.tgz");

        Assert.Equal("dep", Assert.Single(chart.Metadata.Dependencies).Name);
        Assert.Empty(chart.Files);
    }

    [Fact]
    public void An_archive_loads_with_its_top_folder_removed_and_subchart_archives_loaded()
    {
        var sub = TestCharts.Archive(("sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 1.0.0\n"), ("sub/values.yaml", "x: 1\n"));
        var archive = TestCharts.Archive(("mini", null), ("mini/Chart.yaml", TestCharts.MinimalChartYaml), ("mini/templates/a.yaml", "a: 1\n"));
        var chart = ChartLoader.LoadArchive(archive, "mini.tgz");

        Assert.Equal(["templates/a.yaml"], chart.Templates.Select(t => t.Path));
        var withSub = ChartLoader.LoadFiles(
            [new ChartFile("Chart.yaml", Encoding.UTF8.GetBytes(TestCharts.MinimalChartYaml)), new ChartFile("charts/sub-1.0.0.tgz", sub)], "mini");
        var loaded = Assert.Single(withSub.Dependencies);
        Assert.Equal("sub", loaded.Name);
        Assert.Equal(1d, loaded.Values["x"]);
    }

    [Fact]
    public void An_archive_written_on_windows_with_backslashes_loads()
    {
        var chart = ChartLoader.LoadArchive(TestCharts.Archive(("mini\\Chart.yaml", TestCharts.MinimalChartYaml), ("mini\\templates\\a.yaml", "a: 1\n")), "mini.tgz");

        Assert.Equal("templates/a.yaml", Assert.Single(chart.Templates).Path);
    }

    [Theory]
    [InlineData("mini/../../etc/passwd", "parent folder")]
    [InlineData("mini//etc/passwd", "absolute path")]
    [InlineData("mini/c:/windows/x", "illegally named")]
    [InlineData("mini", "outside the chart's folder")]
    [InlineData("Chart.yaml", "outside the chart's folder")]
    public void Unsafe_archive_paths_are_refused(string entry, string expected)
    {
        var archive = TestCharts.Archive(("mini/Chart.yaml", TestCharts.MinimalChartYaml), (entry, "x"));

        var error = Assert.Throws<HelmException>(() => ChartLoader.LoadArchive(archive, "evil.tgz"));
        Assert.Equal(HelmErrorIds.ChartInvalid, error.ErrorId);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_file_that_is_not_gzipped_is_not_taken_for_a_chart()
    {
        var error = Assert.Throws<HelmException>(() => ChartLoader.LoadArchive(Encoding.UTF8.GetBytes("replicaCount: 1\n"), "values.yaml"));

        Assert.Contains("seems to be a YAML file", error.Message);
    }

    [Fact]
    public void An_archive_without_chart_yaml_is_refused_naming_it()
    {
        var error = Assert.Throws<HelmException>(() => ChartLoader.LoadArchive(TestCharts.Archive(("mini/values.yaml", "a: 1\n")), "mini.tgz"));

        Assert.Contains("Chart.yaml is missing", error.Message);
    }

    [Fact]
    public void A_file_in_charts_that_is_not_a_chart_fails_as_in_helm()
    {
        var error = Assert.Throws<HelmException>(() => ChartLoader.LoadArchive(TestCharts.Archive(
            ("mini/Chart.yaml", TestCharts.MinimalChartYaml), ("mini/charts/README.md", "read me")), "mini.tgz"));

        Assert.Contains("mini.tgz/charts/README.md", error.Message);
    }

    [Fact]
    public void A_utf8_bom_is_removed_from_files()
    {
        var chart = ChartLoader.LoadArchive(TestCharts.Archive(("mini/Chart.yaml", "\uFEFF" + TestCharts.MinimalChartYaml), ("mini/files/a.txt", "\uFEFFtext")), "mini.tgz");

        Assert.Equal("text"u8.ToArray(), Assert.Single(chart.Files).Data);
    }

    [Fact]
    public void A_values_yaml_that_does_not_parse_names_the_file_and_line()
    {
        var error = Assert.Throws<HelmException>(() => ChartLoader.LoadArchive(TestCharts.Archive(
            ("mini/Chart.yaml", TestCharts.MinimalChartYaml), ("mini/values.yaml", "a: 1\nb: [unclosed\n")), "mini.tgz"));

        Assert.Equal(HelmErrorIds.ValuesInvalid, error.ErrorId);
        Assert.Equal("mini.tgz/values.yaml", error.SourceFile);
        Assert.NotNull(error.SourceLine);
        Assert.Contains("error converting YAML to JSON", error.Message);
    }

    [Fact]
    public void Values_yaml_documents_are_merged_in_order()
    {
        var chart = ChartLoader.LoadArchive(TestCharts.Archive(
            ("mini/Chart.yaml", TestCharts.MinimalChartYaml), ("mini/values.yaml", "a: {x: 1, z: 2}\nb: 1\n---\na: {z: 3}\n---\n")), "mini.tgz");

        Assert.Equal(new Dictionary<string, object?> { ["x"] = 1d, ["z"] = 3d }, chart.Values["a"]);
        Assert.Equal(1d, chart.Values["b"]);
    }

    [Fact]
    public void A_missing_path_is_not_found()
    {
        var error = Assert.Throws<HelmException>(() => ChartLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-chart-" + Guid.NewGuid())));

        Assert.Equal(HelmErrorIds.ChartNotFound, error.ErrorId);
    }
}
