using Sveltos.Engine.Helm.Rendering;

using Sveltos.Engine.Helm;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class HelmTemplatePrinterTests
{
    private static readonly KeyValuePair<string, string>[] Crds = [new("c/crds/w.yaml", "kind: CustomResourceDefinition\n")];

    private static (IReadOnlyList<HelmHook> Hooks, IReadOnlyList<RenderedManifest> Manifests) Sorted() => ManifestSorter.Sort(new Dictionary<string, string>
    {
        ["c/templates/cm.yaml"] = "kind: ConfigMap\nmetadata:\n  name: a\n---\nkind: ConfigMap\nmetadata:\n  name: b\n",
        ["c/templates/svc.yaml"] = "kind: Service\nmetadata:\n  name: s\n",
        ["c/templates/tests/t.yaml"] = "kind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n",
        ["c/templates/job.yaml"] = "kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n",
        ["c/charts/sub/templates/sa.yaml"] = "kind: ServiceAccount\nmetadata:\n  name: sa\n",
    });

    [Fact]
    public void Stdout_is_the_trimmed_release_manifest_then_the_hooks()
    {
        var (hooks, manifests) = Sorted();

        var text = HelmTemplatePrinter.Print([], manifests, hooks, skipTests: false, showOnly: null);

        Assert.Equal(
            "---\n# Source: c/charts/sub/templates/sa.yaml\nkind: ServiceAccount\nmetadata:\n  name: sa\n" +
            "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: a\n" +
            "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: b\n" +
            "---\n# Source: c/templates/svc.yaml\nkind: Service\nmetadata:\n  name: s\n" +
            "---\n# Source: c/templates/tests/t.yaml\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n" +
            "---\n# Source: c/templates/job.yaml\nkind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n",
            text);
    }

    [Fact]
    public void Crds_come_first_with_their_file_as_is_and_tests_can_be_skipped()
    {
        var (hooks, manifests) = Sorted();

        var text = HelmTemplatePrinter.Print(Crds, manifests, hooks, skipTests: true, showOnly: null);

        Assert.StartsWith("---\n# Source: c/crds/w.yaml\nkind: CustomResourceDefinition\n\n---\n# Source: c/charts/sub/templates/sa.yaml\n", text);
        Assert.DoesNotContain("tests/t.yaml", text);
        Assert.EndsWith("# Source: c/templates/job.yaml\nkind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n", text);
    }

    [Fact]
    public void Hide_secret_prints_only_the_source_line_and_helms_notice_for_v1_secrets_among_the_manifests()
    {
        var (hooks, manifests) = ManifestSorter.Sort(new Dictionary<string, string>
        {
            ["c/templates/secret.yaml"] = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  p: hunter2\n",
            ["c/templates/other.yaml"] = "apiVersion: example.com/v1\nkind: Secret\nmetadata:\n  name: not-core\n",
            ["c/templates/hook.yaml"] = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: h\n  annotations:\n    helm.sh/hook: pre-install\nstringData:\n  p: hook-value\n",
        });

        var text = HelmTemplatePrinter.Print([], manifests, hooks, skipTests: false, showOnly: null, hideSecret: true);

        Assert.Equal(
            "---\n# Source: c/templates/other.yaml\napiVersion: example.com/v1\nkind: Secret\nmetadata:\n  name: not-core\n" +
            "---\n# Source: c/templates/secret.yaml\n# HIDDEN: The Secret output has been suppressed\n" +
            "---\n# Source: c/templates/hook.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: h\n  annotations:\n    helm.sh/hook: pre-install\nstringData:\n  p: hook-value\n",
            text);
    }

    [Fact]
    public void Nothing_rendered_prints_one_newline()
    {
        Assert.Equal("\n", HelmTemplatePrinter.Print([], [], [], false, null));
    }

    [Fact]
    public void ShowOnly_prints_matching_documents_pattern_by_pattern()
    {
        var (hooks, manifests) = Sorted();

        var text = HelmTemplatePrinter.Print([], manifests, hooks, false, ["templates/svc.yaml", "templates/c*.yaml", "charts/sub/templates/*"]);

        Assert.Equal(
            "---\n# Source: c/templates/svc.yaml\nkind: Service\nmetadata:\n  name: s\n" +
            "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: a\n" +
            "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: b\n" +
            "---\n# Source: c/charts/sub/templates/sa.yaml\nkind: ServiceAccount\nmetadata:\n  name: sa\n",
            text);
    }

    [Theory]
    [InlineData("templates/*", 4)]
    [InlineData("templates/[a-c]*.yaml", 2)]
    [InlineData("*/svc.yaml", 1)]
    [InlineData("templates\\svc.yaml", 1)]
    public void ShowOnly_patterns_are_Go_filepath_Match_patterns_within_a_folder(string pattern, int documents)
    {
        var (hooks, manifests) = Sorted();

        var text = HelmTemplatePrinter.Print([], manifests, hooks, false, [pattern]);

        Assert.Equal(documents, ManifestSplitter.Split(text).Count);
    }

    [Fact]
    public void ShowOnly_of_a_template_that_rendered_nothing_is_an_error()
    {
        var (hooks, manifests) = Sorted();

        var error = Assert.Throws<HelmException>(() => HelmTemplatePrinter.Print([], manifests, hooks, false, ["templates/none.yaml"]));

        Assert.Equal("could not find template templates/none.yaml in chart", error.Message);
    }

    [Fact]
    public void The_output_directory_gets_one_file_per_template_with_documents_appended()
    {
        var (hooks, manifests) = Sorted();
        var dir = Directory.CreateTempSubdirectory("helm-out-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "c", "templates"));
            File.WriteAllText(Path.Combine(dir, "c", "templates", "cm.yaml"), "stale from an earlier run\n");

            var printed = HelmOutputDirectoryWriter.Write(dir, Crds, manifests, hooks, skipTests: false, showOnly: null);

            Assert.Equal(
                "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: b\n",
                File.ReadAllText(Path.Combine(dir, "c", "templates", "cm.yaml")));
            Assert.Equal("---\n# Source: c/crds/w.yaml\nkind: CustomResourceDefinition\n\n", File.ReadAllText(Path.Combine(dir, "c", "crds", "w.yaml")));
            Assert.True(File.Exists(Path.Combine(dir, "c", "charts", "sub", "templates", "sa.yaml")));
            Assert.True(File.Exists(Path.Combine(dir, "c", "templates", "tests", "t.yaml")));
            Assert.StartsWith($"wrote {Path.Combine(dir, "c", "crds", "w.yaml")}\n", printed);
            Assert.Equal(7, printed.Split('\n').Count(l => l.StartsWith("wrote ", StringComparison.Ordinal)));
            Assert.EndsWith(".yaml\n\n", printed);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_hook_is_appended_to_a_file_that_exists()
    {
        var (hooks, manifests) = ManifestSorter.Sort(new Dictionary<string, string>
        {
            ["c/templates/both.yaml"] = "kind: ConfigMap\n---\nkind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: post-install\n",
        });
        var dir = Directory.CreateTempSubdirectory("helm-out-").FullName;
        try
        {
            HelmOutputDirectoryWriter.Write(dir, [], manifests, hooks, false, null);

            Assert.Equal(
                "---\n# Source: c/templates/both.yaml\nkind: ConfigMap\n---\n# Source: c/templates/both.yaml\nkind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: post-install\n",
                File.ReadAllText(Path.Combine(dir, "c", "templates", "both.yaml")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
