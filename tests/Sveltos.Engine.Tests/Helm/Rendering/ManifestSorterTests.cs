using Sveltos.Engine.Helm.Rendering;

using Sveltos.Engine.Helm;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class ManifestSorterTests
{
    private static Dictionary<string, string> Files(params (string Path, string Text)[] files) => files.ToDictionary(f => f.Path, f => f.Text);

    [Fact]
    public void Manifests_sort_by_kind_then_template_path_then_document()
    {
        var (_, manifests) = ManifestSorter.Sort(Files(
            ("c/templates/b.yaml", "kind: Service\nmetadata:\n  name: s2\n---\nkind: ConfigMap\nmetadata:\n  name: c2"),
            ("c/templates/a.yaml", "kind: Service\nmetadata:\n  name: s1\n---\nkind: Deployment\nmetadata:\n  name: d1\n---\nkind: ConfigMap\nmetadata:\n  name: c1")));

        Assert.Equal(["c1", "c2", "s1", "s2", "d1"], manifests.Select(m => m.Head.Name));
        Assert.Equal("c/templates/a.yaml", manifests[0].Name);
    }

    [Fact]
    public void Partials_and_blank_templates_are_skipped()
    {
        var (hooks, manifests) = ManifestSorter.Sort(Files(
            ("c/templates/_helpers.tpl", "kind: Secret"),
            ("c/templates/blank.yaml", "\n  \n"),
            ("c/templates/cm.yaml", "kind: ConfigMap")));

        Assert.Empty(hooks);
        Assert.Equal(["c/templates/cm.yaml"], manifests.Select(m => m.Name));
    }

    [Fact]
    public void Hooks_carry_events_weight_and_delete_policies()
    {
        var (hooks, manifests) = ManifestSorter.Sort(Files(("c/templates/job.yaml",
            "kind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: \" Pre-Install, post-upgrade\"\n    helm.sh/hook-weight: \"-5\"\n    helm.sh/hook-delete-policy: before-hook-creation,Hook-Succeeded\n")));

        var hook = Assert.Single(hooks);
        Assert.Empty(manifests);
        Assert.Equal(("migrate", "Job", "c/templates/job.yaml", -5L), (hook.Name, hook.Kind, hook.Path, hook.Weight));
        Assert.Equal(["pre-install", "post-upgrade"], hook.Events);
        Assert.Equal(["before-hook-creation", "hook-succeeded"], hook.DeletePolicies);
        Assert.False(hook.IsTest);
    }

    [Fact]
    public void Test_success_is_a_test_hook_and_a_bad_weight_is_zero()
    {
        var (hooks, _) = ManifestSorter.Sort(Files(("c/templates/t.yaml", "kind: Pod\nmetadata:\n  annotations:\n    helm.sh/hook: test-success\n    helm.sh/hook-weight: \"1.5\"\n")));

        Assert.True(hooks[0].IsTest);
        Assert.Equal(0, hooks[0].Weight);
    }

    [Fact]
    public void A_document_with_an_unknown_hook_event_is_dropped_entirely()
    {
        var (hooks, manifests) = ManifestSorter.Sort(Files(("c/templates/x.yaml",
            "kind: Pod\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install,on-tuesday\n---\nkind: Pod\nmetadata:\n  annotations:\n    other: x\n")));

        Assert.Empty(hooks);
        Assert.Single(manifests);
    }

    [Fact]
    public void A_document_that_does_not_parse_fails_naming_the_template()
    {
        var error = Assert.Throws<HelmException>(() => ManifestSorter.Sort(Files(("c/templates/x.yaml", "kind: Pod\nmetadata:\n  annotations:\n    helm.sh/hook-weight: 5\n"))));

        Assert.Equal("YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field .metadata.annotations of type string", error.Message);
        Assert.Equal(("c", "c/templates/x.yaml"), (error.Chart, error.SourceFile));
    }
}
