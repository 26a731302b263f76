using System.Text;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Releases;

namespace Sveltos.Engine.Tests.Helm.Releases;

public class ReleaseCodecTests
{
    [Fact]
    public void A_release_stored_by_Helm_decodes_field_by_field()
    {
        var release = ReleaseCodec.Decode(HelmReleaseFixture.Encoded());

        Assert.Equal("web", release.Name);
        Assert.Equal(2, release.Version);
        Assert.Equal("apps", release.Namespace);
        Assert.Equal("---\n# Source: web/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n", release.Manifest);
        Assert.Equal(3d, release.Config["replicaCount"]);
        Assert.Equal("1.26", ((Dictionary<string, object?>)release.Config["image"]!)["tag"]);

        var info = release.Info;
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 20, 30, TimeSpan.FromHours(2)).AddTicks(1234567), info.FirstDeployed.Value);
        Assert.Equal(89, info.FirstDeployed.ExtraNanoseconds);
        Assert.Equal(TimeSpan.FromHours(2), info.FirstDeployed.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 8, 0, 1, 500, TimeSpan.Zero), info.LastDeployed.Value);
        Assert.True(info.Deleted.IsZero);
        Assert.Equal("Upgrade complete", info.Description);
        Assert.Equal(ReleaseStatus.Deployed, info.Status);
        Assert.Equal("Open <http://web.local> & log in", info.Notes);

        var chart = release.Chart!;
        var m = chart.Metadata;
        Assert.Equal(("web", "https://example.com", "1.2.3", "A web app", "https://example.com/icon.png"), (m.Name, m.Home, m.Version, m.Description, m.Icon));
        Assert.Equal(["https://github.com/example/web"], m.Sources);
        Assert.Equal(["web", "demo"], m.Keywords);
        Assert.Equal([new ChartMaintainer("Ops", "ops@example.com", "")], m.Maintainers);
        Assert.Equal(("v2", "2.0", true, ">=1.25.0-0", "application"), (m.ApiVersion, m.AppVersion, m.Deprecated, m.KubeVersion, m.Type));
        Assert.Equal(("", ""), (m.Condition, m.Tags));
        Assert.Equal(new Dictionary<string, string> { ["a.example.com/x"] = "1", ["b"] = "two" }, m.Annotations);
        var dependency = Assert.Single(m.Dependencies);
        Assert.Equal(("db", "~1.0", "https://charts.example.com", "db.enabled", true, "database"), (dependency.Name, dependency.Version, dependency.Repository, dependency.Condition, dependency.Enabled, dependency.Alias));
        Assert.Equal(["backend"], dependency.Tags);
        Assert.Equal("data", dependency.ImportValues[0]);
        Assert.Equal("exports.x", ((Dictionary<string, object?>)dependency.ImportValues[1]!)["child"]);

        Assert.Equal(("2024-04-30T08:00:00.25+01:00", "sha256:abc"), (chart.Lock!.Generated, chart.Lock.Digest));
        Assert.Equal(("db", "1.0.4"), (chart.Lock.Dependencies[0].Name, chart.Lock.Dependencies[0].Version));
        var template = Assert.Single(chart.Templates);
        Assert.Equal("templates/cm.yaml", template.Path);
        Assert.Equal("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n", Encoding.UTF8.GetString(template.Data));
        Assert.Equal(1d, chart.Values!["replicaCount"]);
        Assert.Equal(new List<object?> { 80d, 443d }, chart.Values["ports"]);
        Assert.Equal((1e21, 1e-7, 0.5), ((double)chart.Values["huge"]!, (double)chart.Values["tiny"]!, (double)chart.Values["ratio"]!));
        Assert.Equal("{\"type\":\"object\"}", Encoding.UTF8.GetString(chart.Schema!));
        Assert.Equal(["README.md", "empty.txt"], chart.Files.Select(f => f.Path));
        Assert.Equal("# Web <app> & more\n", Encoding.UTF8.GetString(chart.Files[0].Data));
        Assert.Empty(chart.Files[1].Data);

        Assert.Equal(2, release.Hooks.Count);
        var test = release.Hooks[0];
        Assert.Equal(("web-test", "Pod", "web/templates/tests/test.yaml", "apiVersion: v1\nkind: Pod\n", -5), (test.Name, test.Kind, test.Path, test.Manifest, test.Weight));
        Assert.Equal([HookEvent.Test], test.Events);
        Assert.Equal([HookDeletePolicy.BeforeHookCreation, HookDeletePolicy.Succeeded], test.DeletePolicies);
        Assert.Equal([HookOutputLogPolicy.OnFailed], test.OutputLogPolicies);
        Assert.Equal(HookPhase.Succeeded, test.LastRun.Phase);
        Assert.Equal("2024-06-02T08:01:00.000000001Z", test.LastRun.StartedAt.ToJsonText());
        Assert.Equal("2024-06-02T08:01:05Z", test.LastRun.CompletedAt.ToJsonText());
        var migrate = release.Hooks[1];
        Assert.Equal([HookEvent.PreInstall, HookEvent.PreUpgrade], migrate.Events);
        Assert.True(migrate.LastRun.StartedAt.IsZero && migrate.LastRun.CompletedAt.IsZero);
        Assert.Equal(("", 0), (migrate.LastRun.Phase, migrate.Weight));
        Assert.Empty(migrate.DeletePolicies);
        Assert.Empty(release.UnknownFields);
    }

    [Fact]
    public void Encoding_a_release_read_from_Helm_reproduces_its_JSON_byte_for_byte()
    {
        var release = ReleaseCodec.Decode(HelmReleaseFixture.Encoded());

        Assert.Equal(HelmReleaseFixture.Json, ReleaseCodec.ToJson(release));
    }

    [Fact]
    public void An_encoded_release_is_gzipped_JSON_in_base64_and_decodes_back_to_the_same_release()
    {
        var original = ReleaseCodec.FromJson(HelmReleaseFixture.Json);

        var encoded = ReleaseCodec.Encode(original);
        var gzipped = Convert.FromBase64String(encoded);

        Assert.Equal([0x1f, 0x8b, 0x08], gzipped[..3]);
        Assert.Equal(HelmReleaseFixture.Json, Encoding.UTF8.GetString(HelmReleaseFixture.Gunzip(gzipped)));
        var decoded = ReleaseCodec.Decode(encoded);
        Assert.Equal(original.Name, decoded.Name);
        Assert.Equal(original.Info, decoded.Info);
        Assert.Equal(original.Chart!.Metadata.Name, decoded.Chart!.Metadata.Name);
        Assert.Equal(original.Hooks, decoded.Hooks, (a, b) => ReleaseCodec.ToJson(new Release { Hooks = [a] }) == ReleaseCodec.ToJson(new Release { Hooks = [b] }));
        Assert.Equal(ReleaseCodec.ToJson(original), ReleaseCodec.ToJson(decoded));
    }

    [Fact]
    public void A_release_built_in_the_engine_writes_every_field_as_Go_would()
    {
        var release = new Release
        {
            Name = "app",
            Info = new ReleaseInfo
            {
                FirstDeployed = HelmTime.From(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(-330))),
                LastDeployed = HelmTime.From(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 120, TimeSpan.Zero)),
                Description = "Install complete",
                Status = ReleaseStatus.Deployed,
            },
            Config = new Dictionary<string, object?> { ["b"] = 2L, ["a"] = "x<y" },
            Version = 1,
            Namespace = "default",
            Labels = new Dictionary<string, string> { ["team"] = "blue" },
        };

        Assert.Equal(
            "{\"name\":\"app\",\"info\":{\"first_deployed\":\"2024-01-02T03:04:05-05:30\",\"last_deployed\":\"2024-01-02T03:04:05.12Z\",\"deleted\":\"\"," +
            "\"description\":\"Install complete\",\"status\":\"deployed\"},\"config\":{\"a\":\"x\\u003cy\",\"b\":2},\"version\":1,\"namespace\":\"default\"}",
            ReleaseCodec.ToJson(release));
    }

    [Fact]
    public void A_chart_is_stored_without_its_subcharts_and_with_null_for_what_it_lacks()
    {
        var chart = ChartLoader.Load(Path.Combine(AppContext.BaseDirectory, "Helm", "TestCharts", "parent"));

        var stored = ReleaseChart.From(chart);
        var json = ReleaseCodec.ToJson(new Release { Name = "p", Chart = stored, Version = 1 });

        Assert.NotEmpty(chart.Dependencies);
        Assert.StartsWith("{\"name\":\"p\",\"info\":{\"first_deployed\":\"\",\"last_deployed\":\"\",\"deleted\":\"\"},\"chart\":{\"metadata\":" + ChartFileWriter.ChartJson(chart.Metadata) + ",\"lock\":", json);
        Assert.All(chart.Dependencies, d => Assert.DoesNotContain(ChartFileWriter.ChartJson(d.Metadata), json, StringComparison.Ordinal));
        Assert.Equal(chart.Templates.Select(t => t.Path), ReleaseCodec.FromJson(json).Chart!.Templates.Select(t => t.Path));
        Assert.Equal(chart.Values, stored.Values);
        Assert.Contains("\"templates\":null,\"values\":null,\"schema\":null,\"files\":null", ReleaseCodec.ToJson(new Release { Chart = new ReleaseChart() }));
    }

    [Fact]
    public void Plain_JSON_as_Helm_stored_it_before_compression_is_read_too()
    {
        var release = ReleaseCodec.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes(HelmReleaseFixture.Json)));

        Assert.Equal("web", release.Name);
        Assert.Equal(2, release.Hooks.Count);
    }

    [Fact]
    public void Fields_of_a_newer_Helm_are_kept_and_written_back()
    {
        const string json = "{\"name\":\"web\",\"info\":{\"first_deployed\":\"\",\"last_deployed\":\"\",\"deleted\":\"\",\"status\":\"deployed\"," +
            "\"resources\":{\"v1/Pod\":[{\"kind\":\"Pod\"}]}},\"hooks\":[{\"name\":\"h\",\"last_run\":{\"started_at\":\"\",\"completed_at\":\"\",\"phase\":\"\"}," +
            "\"sequence\":3}],\"version\":1,\"apply_method\":\"ssa\",\"extra\":{\"z\":1,\"a\":[true,null]}}";

        var release = ReleaseCodec.FromJson(json);

        Assert.Equal("ssa", release.UnknownFields["apply_method"]);
        Assert.Contains("resources", release.Info.UnknownFields.Keys);
        Assert.Equal(3d, release.Hooks[0].UnknownFields["sequence"]);
        Assert.Equal(json.Replace("{\"z\":1,\"a\":[true,null]}", "{\"a\":[true,null],\"z\":1}", StringComparison.Ordinal), ReleaseCodec.ToJson(release));
    }

    [Fact]
    public void Keys_are_matched_to_fields_ignoring_case_as_Go_does()
    {
        var release = ReleaseCodec.FromJson("{\"Name\":\"web\",\"info\":{\"Description\":\"old\",\"STATUS\":\"failed\"},\"Version\":4}");

        Assert.Equal(("web", 4, "old", ReleaseStatus.Failed), (release.Name, release.Version, release.Info.Description, release.Info.Status));
        Assert.Empty(release.UnknownFields);
    }

    [Theory]
    [InlineData("not base64!", "not base64")]
    [InlineData("H4sIAAAAAAAA/wMAAAAAAAAAAAA=", "JSON")]
    [InlineData("eyJ2ZXJzaW9uIjoiMiJ9", "release.version")]
    public void Data_that_is_not_a_release_fails_with_the_reason(string data, string reason)
    {
        var error = Assert.Throws<HelmException>(() => ReleaseCodec.Decode(data));

        Assert.Equal(ReleaseErrorIds.ReleaseInvalid, error.ErrorId);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
