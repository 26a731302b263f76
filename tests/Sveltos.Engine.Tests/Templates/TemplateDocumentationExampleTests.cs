using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sveltos.Engine.Content;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

/// <summary>The worked examples of about_SveltosTemplates render as the topic says, in the language it says.</summary>
public partial class TemplateDocumentationExampleTests
{
    private const string Source = "fleet/web ConfigMap fleet/web key 'app.yaml'";
    private static readonly string Topic = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "en-US", "about_SveltosTemplates.md"));

    [Fact]
    public void The_introduction_and_the_range_loop_are_go_templates()
    {
        Assert.Contains("  name: prod-1-settings\ndata:\n  region: eu-west", RenderGo(CodeBlocks()[0]));
        var loop = RenderGo(CodeBlocks()[1]);
        Assert.Contains("\napp.kubernetes.io/name: web\n", loop);
        Assert.Contains("\nregion: eu-west\n", loop);
    }

    [Fact]
    public void The_missing_key_error_is_the_one_shown()
    {
        var error = Assert.Throws<TemplateException>(() => RenderGo("apiVersion: v1\ndata:\n  region: {{ .Cluster.metadata.labels.region }}", Data(Cluster(region: null))));
        Assert.Equal(CodeBlocks()[2].Trim(), error.Message);
    }

    [Fact]
    public void Example_1_renders_the_configmap_shown_for_prod_1()
    {
        var template = KeyOf(CodeBlocks()[3], "settings.yaml");
        Assert.Equal(CodeBlocks()[4], RenderGo(template));
    }

    [Fact]
    public void Example_1_falls_back_for_region_and_fails_without_env()
    {
        var template = KeyOf(CodeBlocks()[3], "settings.yaml");
        Assert.Contains("region: west\n", RenderGo(template, Data(Cluster(region: null))));
        var cluster = Cluster();
        ((JsonObject)cluster["metadata"]!["labels"]!).Remove("env");
        var error = Assert.Throws<TemplateException>(() => RenderGo(template, Data(cluster)));
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Contains("map has no entry for key \"env\"", error.Message);
    }

    [Fact]
    public void Example_2_names_the_bucket_in_a_go_profile_field_and_fills_the_secret_once_it_has_a_url()
    {
        var resourceName = Regex.Match(CodeBlocks()[5], "name: \"(\\{\\{.*\\}\\}-bucket)\"").Groups[1].Value;
        Assert.Equal("prod-1-bucket", ContentTemplates.RenderField(resourceName, "templateResourceRefs 'Bucket' name", Data(), CancellationToken.None));

        var documents = CodeBlocks()[6].Split("\n---\n");
        var bucket = RenderGo(KeyOf(documents[0], "bucket.yaml"));
        Assert.Contains("  name: prod-1-bucket\n  namespace: fleet\nspec:\n  region: eu-west", bucket);

        var secret = KeyOf(documents[1], "secret.yaml");
        Assert.Contains("  url: aHR0cHM6Ly9idWNrZXRzLmV4YW1wbGUuY29tL3Byb2QtMQ==", RenderGo(secret));
        var unprovisioned = Bucket();
        unprovisioned["status"] = new JsonObject();
        var waiting = Assert.Throws<TemplateException>(() => RenderGo(secret, Data(resources: new() { ["Bucket"] = unprovisioned })));
        Assert.Equal(TemplateErrorIds.MissingKey, waiting.ErrorId);
        Assert.Contains("map has no entry for key \"atProvider\"", waiting.Message);
        Assert.Contains("no resource has the identifier 'Bucket'", Assert.Throws<TemplateException>(() => RenderGo(secret, Data(resources: []))).Message);
    }

    [Fact]
    public void Example_3_places_yaml_under_keys()
    {
        var cluster = Cluster();
        cluster["spec"]!["zones"] = new JsonArray("a", "b");
        var output = RenderGo(CodeBlocks()[7], Data(cluster));
        Assert.Contains("  labels.yaml: |\n    app.kubernetes.io/name: web\n    env: prod\n", output);
        Assert.Contains("  zones.json: '[\"a\",\"b\"]'\n", output);
        Assert.Contains("  storage.yaml: |\n    apiVersion: storage.example.com/v1\n    kind: Bucket\n", output);
        Assert.DoesNotContain("atProvider", output);
        Assert.Contains("  zones.json: '[]'\n", RenderGo(CodeBlocks()[7]));
    }

    [Fact]
    public void Example_4_is_scriban_with_the_annotation_and_a_go_error_without_it()
    {
        var configMap = CodeBlocks()[8];
        Assert.Contains($"{ContentTemplates.LanguageAnnotation}: scriban", configMap);
        var template = KeyOf(configMap, "settings.yaml");
        var output = ContentTemplates.Render(template, Source, Data(), TemplateLanguage.Scriban, CancellationToken.None);
        Assert.Contains("  cluster: prod-1\n  region: eu-west\n  owner: \"platform\"\n  kubernetes: v1.30.2", output);

        var asGo = Assert.Throws<TemplateException>(() => ContentTemplates.Render(template, Source, Data(), TemplateLanguage.Go, CancellationToken.None));
        Assert.Equal(TemplateErrorIds.SyntaxError, asGo.ErrorId);
        Assert.Contains("The text is valid Scriban, but templates are Go templates", asGo.Message);
    }

    [Fact]
    public void The_equivalence_table_renders_the_same_in_go_and_in_scriban()
    {
        var rows = EquivalenceRow().Matches(Topic).ToList();
        Assert.True(rows.Count >= 8, "the table of equivalent forms was not found");
        foreach (var row in rows)
        {
            Assert.Equal(Items(RenderGo(row.Groups["go"].Value)), Items(Render(row.Groups["scriban"].Value)));
        }

        // Go ranges over a map in key order, Scriban in the map's order.
        static IEnumerable<string> Items(string output) => output.Split(';').Order(StringComparer.Ordinal);
    }

    private static string RenderGo(string text, TemplateData? data = null) =>
        new GoTemplateRenderer().Compile(text, Source).Render(data ?? Data());

    private static List<string> CodeBlocks() =>
        CodeBlock().Matches(Topic).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The text held in a data key of a ConfigMap shown in the topic, unindented.</summary>
    private static string KeyOf(string configMap, string key)
    {
        var lines = configMap.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == key + ": |") + 1;
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var text = string.Concat(lines.Skip(start).TakeWhile(l => l.Length == 0 || l.StartsWith(new string(' ', indent), StringComparison.Ordinal)).Select(l => (l.Length > indent ? l[indent..] : "") + "\n"));
        return text.TrimEnd('\n') + "\n";
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sveltos.psd1")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex("```(?:yaml|text)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^\| (?<go>\{\{[^|]*\}\}) \| (?<scriban>\{[%{][^|]*\}) \|$", RegexOptions.Multiline)]
    private static partial Regex EquivalenceRow();
}
