using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

/// <summary>The worked examples of about_SveltosTemplates render as the topic says.</summary>
public partial class TemplateDocumentationExampleTests
{
    private static readonly string Topic = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "en-US", "about_SveltosTemplates.md"));

    [Fact]
    public void Example_1_renders_the_configmap_shown_for_prod_1()
    {
        var template = KeyOf(CodeBlocks()[3], "settings.yaml");
        var cluster = Cluster();
        var output = Render(template, Data(cluster));
        Assert.Equal(CodeBlocks()[4], output);
    }

    [Fact]
    public void Example_1_falls_back_for_region_and_fails_without_env()
    {
        var template = KeyOf(CodeBlocks()[3], "settings.yaml");
        Assert.Contains("region: west\n", Render(template, Data(Cluster(region: null))));
        var cluster = Cluster();
        ((JsonObject)cluster["metadata"]!["labels"]!).Remove("env");
        Assert.Contains("has no key 'env'", RenderFails(template, Data(cluster)).Message);
    }

    [Fact]
    public void Example_2_fills_the_secret_from_the_fetched_bucket_once_it_has_a_url()
    {
        var documents = CodeBlocks()[6].Split("\n---\n");
        var bucket = Render(KeyOf(documents[0], "bucket.yaml"));
        Assert.Contains("  name: prod-1-bucket\n  namespace: fleet\nspec:\n  region: eu-west", bucket);

        var secret = KeyOf(documents[1], "secret.yaml");
        Assert.Contains("  url: aHR0cHM6Ly9idWNrZXRzLmV4YW1wbGUuY29tL3Byb2QtMQ==", Render(secret));
        var unprovisioned = Bucket();
        unprovisioned["status"] = new JsonObject();
        var waiting = RenderFails(secret, Data(resources: new() { ["Bucket"] = unprovisioned }));
        Assert.Equal(TemplateErrorIds.MissingKey, waiting.ErrorId);
        Assert.Contains("'resources.Bucket.status' has no key 'atProvider'", waiting.Message);
        Assert.Contains("'resources' has no key 'Bucket'", RenderFails(secret, Data(resources: [])).Message);
    }

    [Fact]
    public void Example_3_places_yaml_under_keys()
    {
        var cluster = Cluster();
        cluster["spec"]!["zones"] = new JsonArray("a", "b");
        var output = Render(CodeBlocks()[7], Data(cluster));
        Assert.Contains("  labels.yaml: |\n    env: prod\n    app.kubernetes.io/name: web\n", output);
        Assert.Contains("  zones.json: '[\"a\",\"b\"]'\n", output);
        Assert.Contains("  storage.yaml: |\n    apiVersion: storage.example.com/v1\n    kind: Bucket\n", output);
        Assert.DoesNotContain("atProvider", output);
        Assert.Contains("  zones.json: '[]'\n", Render(CodeBlocks()[7]));
    }

    [Fact]
    public void The_go_template_table_shows_what_the_error_suggests()
    {
        foreach (Match row in GoTableRow().Matches(Topic))
        {
            var error = Assert.Throws<TemplateException>(() => new TemplateRenderer().Compile(row.Groups[1].Value, "t"));
            Assert.Equal(TemplateErrorIds.GoTemplateNotSupported, error.ErrorId);
        }
    }

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

    [GeneratedRegex(@"^\| (\{\{[^|]*\}\}) \|", RegexOptions.Multiline)]
    private static partial Regex GoTableRow();
}
