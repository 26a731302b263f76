using System.Formats.Tar;
using System.IO.Compression;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Tests.Helm.Charts;

public class ChartPackagerTests
{
    private static List<string> EntryNames(byte[] archive)
    {
        using var tar = new TarReader(new GZipStream(new MemoryStream(archive), CompressionMode.Decompress));
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    [Fact]
    public void A_chart_is_packaged_as_name_version_tgz_in_helms_order_without_ignored_files()
    {
        var packaged = ChartPackager.Package(TestCharts.PathOf("parent"));

        Assert.Equal("parent-1.2.3.tgz", packaged.FileName);
        var names = EntryNames(packaged.Archive);
        Assert.Equal(["parent/Chart.yaml", "parent/values.yaml", "parent/values.schema.json", "parent/templates/NOTES.txt"], names.Take(4));
        Assert.All(names, n => Assert.StartsWith("parent/", n));
        Assert.DoesNotContain("parent/ignored.txt", names);
        Assert.DoesNotContain("parent/templates/.hidden.yaml", names);
        Assert.Contains("parent/charts/child/Chart.yaml", names);
        Assert.Contains("parent/crds/widget.yaml", names);
    }

    [Fact]
    public void A_packaged_chart_loads_back_the_same()
    {
        var original = ChartLoader.Load(TestCharts.PathOf("parent"));
        var reloaded = ChartLoader.LoadArchive(ChartPackager.Package(TestCharts.PathOf("parent")).Archive, "parent-1.2.3.tgz");

        Assert.Equal(original.Metadata.Version, reloaded.Metadata.Version);
        Assert.Equal(original.Metadata.Dependencies.Select(d => d.Alias + d.Name), reloaded.Metadata.Dependencies.Select(d => d.Alias + d.Name));
        Assert.Equal(original.Templates.Select(t => t.Path), reloaded.Templates.Select(t => t.Path));
        Assert.Equal(original.Dependencies.Select(d => d.Name), reloaded.Dependencies.Select(d => d.Name));
        Assert.Equal(original.Values.Keys.Order(), reloaded.Values.Keys.Order());
    }

    [Fact]
    public void The_packaged_chart_yaml_has_sorted_keys_and_no_empty_fields()
    {
        var chartYaml = ChartFileWriter.ChartYaml(ChartMetadata.Parse("version: 0.1.0\nname: x\napiVersion: v2\ndescription: d\n", "Chart.yaml"));

        Assert.Equal("apiVersion: v2\ndescription: d\nname: x\nversion: 0.1.0\n", chartYaml);
    }

    [Fact]
    public void A_dependency_missing_from_charts_fails_packaging()
    {
        var folder = Directory.CreateTempSubdirectory("sveltos-package-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "Chart.yaml"), "apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n- name: absent\n  version: 1.0.0\n");

            var error = Assert.Throws<HelmException>(() => ChartPackager.Package(folder.FullName));
            Assert.Equal(HelmErrorIds.PackageFailed, error.ErrorId);
            Assert.Contains("missing in charts/ directory: absent", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
