using System.Text.Json.Nodes;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Tests.Profiles;

public class CorpusRoundTripTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Corpus", "profiles");

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CorpusDirectory).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static IReadOnlyList<ProfileImportResult> Import(string file) =>
        ProfileImporter.ImportFile(Path.Combine(CorpusDirectory, file), $"corpus/{file}");

    // The original data of every non-empty document, read independently of the importer.
    private static List<JsonNode?> OriginalData(string file) =>
        YamlDocumentReader.Read(File.ReadAllText(Path.Combine(CorpusDirectory, file)))
            .Where(d => !d.IsEmpty)
            .Select(d => JsonTreeConverter.ToJson(d.Root!))
            .ToList();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_document_imports_without_problems(string file)
    {
        var results = Import(file);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Outcome != ImportOutcome.Invalid, string.Join("\n", r.Problems)));
        Assert.Contains(results, r => r.Outcome == ImportOutcome.Profile);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Export_keeps_the_data_and_key_order(string file)
    {
        var original = OriginalData(file);
        var results = Import(file);

        Assert.Equal(original.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var exported = results[i].ToYaml()!;
            var reimported = JsonTreeConverter.ToJson(YamlDocumentReader.Read(exported).Single().Root!);
            Assert.True(JsonNode.DeepEquals(original[i], reimported), $"document {i} changed:\n{exported}");
            Assert.Equal(original[i]!.ToJsonString(), reimported!.ToJsonString());
            Assert.Equal(original[i]!.ToJsonString(), results[i].ToJsonObject()!.ToJsonString());
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void A_second_export_is_byte_identical(string file)
    {
        var profiles = Import(file).Select(r => r.Profile).OfType<ClusterProfileDocument>().ToList();

        var first = ProfileExporter.ToYaml(profiles);
        var second = ProfileExporter.ToYaml(ProfileImporter.ImportText(first).Select(r => r.Profile!));

        Assert.Equal(first, second);
        foreach (var profile in profiles)
        {
            Assert.Equal(profile.ToYaml(), ClusterProfileDocument.Parse(profile.ToYaml()).ToYaml());
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Json_export_imports_back_to_the_same_data(string file)
    {
        foreach (var profile in Import(file).Select(r => r.Profile).OfType<ClusterProfileDocument>())
        {
            var fromJson = ClusterProfileDocument.Parse(profile.ToJson(indented: true));

            Assert.Equal(profile.ToJson(), fromJson.ToJson());
            Assert.Equal(profile.ToYaml(), fromJson.ToYaml());
        }
    }

    [Fact]
    public void Multi_document_files_report_positions_and_other_kinds()
    {
        var results = Import("multi-document.yaml");

        Assert.Equal([0, 2, 3], results.Select(r => r.DocumentIndex));
        Assert.Equal([ImportOutcome.Profile, ImportOutcome.OtherKind, ImportOutcome.Profile], results.Select(r => r.Outcome));
        Assert.Equal(["cni", "nginx-policies", "nginx"], results.Select(r => r.Name));
        Assert.Equal("corpus/multi-document.yaml", results[0].Source);
        Assert.Equal(2, results[0].Line);
    }

    [Fact]
    public void Quoted_values_that_look_like_other_types_stay_strings()
    {
        var exported = Import("quoting-and-anchors.yaml").Single().Profile!.ToYaml();

        Assert.Contains("version: '1.0'", exported, StringComparison.Ordinal);
        Assert.Contains("enabled: 'yes'", exported, StringComparison.Ordinal);
        Assert.Contains("chartVersion: '1.10'", exported, StringComparison.Ordinal);
        Assert.Contains("multi: |\n      line one\n      line two\n", exported, StringComparison.Ordinal);
        var json = Import("profile.json").Single().Profile!.ToYaml();
        Assert.Contains("'yes': 'no'", json, StringComparison.Ordinal);
        Assert.Contains("'on': 'true'", json, StringComparison.Ordinal);
    }
}
