using System.Text;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Tests.Helm;

public class HelmChartPublisherTests
{
    private static readonly ChartMetadata Metadata = ChartMetadata.Parse("""
        apiVersion: v2
        name: web
        version: 1.2.3+build.7
        appVersion: "2.0"
        description: Web <frontend> & café
        home: https://example.org
        sources: [https://git.example.org/web, https://mirror.example.org/web]
        maintainers:
          - name: Ana
            email: ana@example.org
          - name: Bo
        annotations:
          org.opencontainers.image.title: not-the-name
          example.org/team: platform
        dependencies:
          - name: db
            version: 0.1.0
            repository: https://charts.example.org
        type: application
        """, "Chart.yaml");

    [Fact]
    public void TheConfigBlobIsGoJsonOfChartMetadataInTheStructsFieldOrder()
    {
        Assert.Equal(
            "{\"name\":\"web\",\"home\":\"https://example.org\",\"sources\":[\"https://git.example.org/web\",\"https://mirror.example.org/web\"]," +
            "\"version\":\"1.2.3+build.7\",\"description\":\"Web \\u003cfrontend\\u003e \\u0026 café\"," +
            "\"maintainers\":[{\"name\":\"Ana\",\"email\":\"ana@example.org\"},{\"name\":\"Bo\"}],\"apiVersion\":\"v2\",\"appVersion\":\"2.0\"," +
            "\"annotations\":{\"example.org/team\":\"platform\",\"org.opencontainers.image.title\":\"not-the-name\"}," +
            "\"dependencies\":[{\"name\":\"db\",\"version\":\"0.1.0\",\"repository\":\"https://charts.example.org\"}],\"type\":\"application\"}",
            ChartFileWriter.ChartJson(Metadata));
    }

    [Fact]
    public void ManifestAnnotationsAreHelmsWithTheChartsOwnNeverReplacingTitleOrVersion()
    {
        var annotations = HelmChartPublisher.Annotations(Metadata, new DateTimeOffset(2026, 12, 3, 10, 4, 5, TimeSpan.FromHours(2)));
        Assert.Equal("web", annotations["org.opencontainers.image.title"]);
        Assert.Equal("1.2.3+build.7", annotations["org.opencontainers.image.version"]);
        Assert.Equal("Web <frontend> & caf\\u00e9", annotations["org.opencontainers.image.description"]);
        Assert.Equal("https://example.org", annotations["org.opencontainers.image.url"]);
        Assert.Equal("https://git.example.org/web", annotations["org.opencontainers.image.source"]);
        Assert.Equal("Ana (ana@example.org), Bo", annotations["org.opencontainers.image.authors"]);
        Assert.Equal("2026-12-03T08:04:05Z", annotations["org.opencontainers.image.created"]);
        Assert.Equal("platform", annotations["example.org/team"]);
        Assert.Equal(8, annotations.Count);
    }

    [Fact]
    public void ARepositoryFolderKeepsTheVersionsItsOldIndexHadAndListsTheNewestFirst()
    {
        var root = Directory.CreateTempSubdirectory("sveltos-publish-").FullName;
        try
        {
            foreach (var version in new[] { "0.1.0", "0.3.0", "0.2.0" })
            {
                var chart = Path.Combine(root, "src", version);
                Directory.CreateDirectory(Path.Combine(chart, "templates"));
                File.WriteAllText(Path.Combine(chart, "Chart.yaml"), $"apiVersion: v2\nname: web\nversion: {version}\n");
                var (package, metadata, _) = HelmChartPublisher.Package(chart);
                var published = HelmChartPublisher.AddToRepository(package, metadata, Path.Combine(root, "repo"), "https://charts.example.org/stable");
                Assert.Equal(ChartPublishTarget.Repository, published.Target);
            }

            // An entry of the old index whose archive the folder no longer holds stays, as with helm repo index --merge.
            File.Delete(Path.Combine(root, "repo", "web-0.1.0.tgz"));
            var last = Path.Combine(root, "src", "0.3.0");
            var (again, againMetadata, _) = HelmChartPublisher.Package(last);
            HelmChartPublisher.AddToRepository(again, againMetadata, Path.Combine(root, "repo"), "https://charts.example.org/stable");

            var index = File.ReadAllText(Path.Combine(root, "repo", "index.yaml"), Encoding.UTF8);
            var versions = index.Split('\n').Where(l => l.StartsWith("      version: ", StringComparison.Ordinal)).Select(l => l[15..]).ToList();
            Assert.Equal(["0.3.0", "0.2.0", "0.1.0"], versions);
            Assert.Contains("- https://charts.example.org/stable/web-0.2.0.tgz", index, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
