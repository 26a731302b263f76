using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Rendering;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class HelmRendererTests
{
    private const string Labels =
        "    helm.sh/chart: scaffold-0.1.0\n    app.kubernetes.io/name: scaffold\n    app.kubernetes.io/instance: release-name\n" +
        "    app.kubernetes.io/version: \"1.16.0\"\n    app.kubernetes.io/managed-by: Helm\n";

    private const string Selector = "app.kubernetes.io/name: scaffold\n{0}app.kubernetes.io/instance: release-name\n";

    private static readonly HelmRenderer Renderer = new();

    internal static Chart Load(string name) => ChartLoader.Load(Path.Combine(AppContext.BaseDirectory, "Helm", "Rendering", "Charts", name));

    private static string Sel(int indent) => new string(' ', indent) + string.Format(Selector, new string(' ', indent));

    [Fact]
    public void A_scaffold_chart_renders_as_helm_template_prints_it()
    {
        var result = Renderer.Render(Load("scaffold"), null);

        Assert.Equal(
            "---\n# Source: scaffold/templates/serviceaccount.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: release-name-scaffold\n  labels:\n" + Labels +
            "---\n# Source: scaffold/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: release-name-scaffold\n  labels:\n" + Labels +
            "spec:\n  type: ClusterIP\n  ports:\n    - port: 80\n      targetPort: http\n      protocol: TCP\n      name: http\n  selector:\n" + Sel(4) +
            "---\n# Source: scaffold/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: release-name-scaffold\n  labels:\n" + Labels +
            "spec:\n  replicas: 1\n  selector:\n    matchLabels:\n" + Sel(6) + "  template:\n    metadata:\n      labels:\n" + Sel(8) +
            "    spec:\n      serviceAccountName: release-name-scaffold\n      containers:\n        - name: scaffold\n          image: \"nginx:1.16.0\"\n" +
            "          imagePullPolicy: IfNotPresent\n          ports:\n            - name: http\n              containerPort: 80\n              protocol: TCP\n" +
            "          resources:\n            {}\n" +
            "---\n# Source: scaffold/templates/tests/test-connection.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: \"release-name-scaffold-test-connection\"\n  labels:\n" + Labels +
            "  annotations:\n    \"helm.sh/hook\": test\nspec:\n  containers:\n    - name: wget\n      image: busybox\n      command: ['wget']\n" +
            "      args: ['release-name-scaffold:80']\n  restartPolicy: Never\n",
            result.HelmTemplateOutput);
        Assert.Equal("1. Get the application URL by running these commands:\n  kubectl --namespace default port-forward svc/release-name-scaffold 8080:80\n", result.Notes);
        Assert.DoesNotContain("NOTES", result.HelmTemplateOutput);
    }

    [Fact]
    public void Subcharts_globals_files_capabilities_crds_hooks_and_install_order()
    {
        var result = Renderer.Render(Load("platform"), null, new HelmRenderOptions { ReleaseName = "rel", IncludeCrds = true });

        Assert.Equal(
            "---\n# Source: platform/crds/widget.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n\n" +
            // "---\n---\n" leaves the second separator in the next document, as Go's regexp split does in Helm.
            "---\n# Source: platform/templates/multi.yaml\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: rel-token\ndata:\n  token: c2VjcmV0\n" +
            "---\n# Source: platform/charts/child/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: child-rel\ndata:\n  greeting: hello\n  env: prod\n" +
            "  template: platform/charts/child/templates/cm.yaml\n  base: platform/charts/child/templates\n  root: \"false\"\n" +
            "---\n# Source: platform/templates/multi.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rel-files\ndata:\n  app.conf: |\n    a=1\n    b=2\n" +
            "  weight: \"1e+06\"\n  kube: v1.36.0-36\n  apps: \"true\"\n  missing: \"\"\n" +
            "---\n# Source: platform/templates/multi.yaml\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n" +
            "---\n# Source: platform/templates/hooks.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n  annotations:\n    \"helm.sh/hook\": post-install\n" +
            "---\n# Source: platform/templates/hooks.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n" +
            "    \"helm.sh/hook\": pre-install,pre-upgrade\n    \"helm.sh/hook-weight\": \"-1\"\n    \"helm.sh/hook-delete-policy\": hook-succeeded\n",
            result.HelmTemplateOutput);
        var job = result.Hooks.Single(h => h.Kind == "Job");
        Assert.Equal((-1L, "pre-install,pre-upgrade", "hook-succeeded"), (job.Weight, string.Join(',', job.Events), string.Join(',', job.DeletePolicies)));
    }

    [Fact]
    public void Documents_are_objects_in_output_order()
    {
        var result = Renderer.Render(Load("platform"), null, new HelmRenderOptions { ReleaseName = "rel", IncludeCrds = true });

        Assert.Equal(["CustomResourceDefinition", "Secret", "ConfigMap", "ConfigMap", "Widget", "ConfigMap", "Job"], result.Documents.Select(d => d.Kind));
        Assert.True(result.Documents[0].IsCrd);
        Assert.Equal("platform/charts/child/templates/cm.yaml", result.Documents[2].Source);
        Assert.Equal("hello", result.Documents[2].ToObject()!["data"]!["greeting"]!.GetValue<string>());
        Assert.Equal("post-install", Assert.Single(result.Documents[5].Hook!.Events));
    }

    [Fact]
    public void User_values_options_and_skip_tests_change_the_output()
    {
        var result = Renderer.Render(
            Load("scaffold"),
            new Dictionary<string, object?> { ["replicaCount"] = 3L, ["serviceAccount"] = new Dictionary<string, object?> { ["create"] = false } },
            new HelmRenderOptions { ReleaseName = "web", Namespace = "apps", SkipTests = true, ShowOnly = ["templates/deployment.yaml"] });

        Assert.StartsWith("---\n# Source: scaffold/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-scaffold\n", result.HelmTemplateOutput);
        Assert.Contains("  replicas: 3\n", result.HelmTemplateOutput);
        Assert.Contains("serviceAccountName: default\n", result.HelmTemplateOutput);
        Assert.Single(result.Documents);
        Assert.Contains("--namespace apps ", result.Notes);
    }

    [Fact]
    public void A_second_render_of_the_same_chart_values_and_options_is_the_cached_result()
    {
        var chart = Load("scaffold");
        var values = new Dictionary<string, object?> { ["replicaCount"] = 2L };

        var first = Renderer.Render(chart, values);
        var second = Renderer.Render(chart, new Dictionary<string, object?> { ["replicaCount"] = 2L });
        var other = Renderer.Render(chart, new Dictionary<string, object?> { ["replicaCount"] = 2.0 });

        Assert.Same(first, second);
        Assert.NotSame(first, other);
    }

    [Fact]
    public void The_chart_kubeVersion_constraint_is_checked()
    {
        var error = Assert.Throws<HelmException>(() => Renderer.Render(Load("platform"), null, new HelmRenderOptions { KubeVersion = "1.20" }));

        Assert.Equal("chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.20.0", error.Message);
        Assert.Equal(HelmRenderErrorIds.KubeVersionIncompatible, error.ErrorId);
    }

    [Fact]
    public void Release_names_follow_Helms_rules_and_the_name_template()
    {
        Assert.Equal($"release name \"{new string('a', 54)}\" exceeds max length of 53",
            Assert.Throws<HelmException>(() => Renderer.Render(Load("scaffold"), null, new HelmRenderOptions { ReleaseName = new string('a', 54) })).Message);

        var named = Renderer.Render(Load("scaffold"), null, new HelmRenderOptions { NameTemplate = "foobar-{{ b64enc \"abc\" }}-baz" });

        Assert.Equal("foobar-YWJj-baz", named.ReleaseName);
        Assert.Contains("name: foobar-YWJj-baz-scaffold\n", named.HelmTemplateOutput);
        Assert.Equal("cannot set --name-template and also specify a name",
            Assert.Throws<HelmException>(() => Renderer.Render(Load("scaffold"), null, new HelmRenderOptions { ReleaseName = "x", NameTemplate = "y" })).Message);
    }

    [Fact]
    public void A_template_error_names_the_template_and_line_in_Helms_words()
    {
        var error = Assert.Throws<HelmException>(() => Renderer.Render(Load("scaffold"), new Dictionary<string, object?> { ["service"] = "flat" }));

        Assert.StartsWith("template: scaffold/templates/", error.Message);
        Assert.Equal(HelmRenderErrorIds.TemplateFailed, error.ErrorId);
        Assert.Equal("scaffold", error.Chart);
        Assert.NotNull(error.SourceLine);
    }

    [Fact]
    public void A_chart_that_cannot_look_up_is_rendered_once_with_a_lookup_given_and_one_that_can_at_every_render()
    {
        var dir = Directory.CreateTempSubdirectory("lookup-cache-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Chart.yaml"), "apiVersion: v2\nname: look\nversion: 1.0.0\n");
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            File.WriteAllText(Path.Combine(dir, "templates", "cm.yaml"), "kind: ConfigMap\nmetadata:\n  name: x\n");
            var renderer = new HelmRenderer();
            var calls = 0;
            var options = new HelmRenderOptions { Lookup = (_, _, _, _) => { calls++; return new Dictionary<string, object?>(); } };
            var chart = ChartLoader.Load(dir);

            Assert.Same(renderer.Render(chart, null, options), renderer.Render(chart, null, options));

            File.WriteAllText(Path.Combine(dir, "templates", "cm.yaml"), "kind: ConfigMap\nmetadata:\n  name: n{{ (lookup \"v1\" \"Secret\" \"ns\" \"s\") | len }}\n");
            var looking = ChartLoader.Load(dir);
            Assert.NotSame(renderer.Render(looking, null, options), renderer.Render(looking, null, options));
            Assert.Equal(2, calls);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Lookup_is_answered_by_the_delegate()
    {
        var dir = Directory.CreateTempSubdirectory("lookup-chart-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Chart.yaml"), "apiVersion: v2\nname: look\nversion: 1.0.0\n");
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            File.WriteAllText(Path.Combine(dir, "templates", "cm.yaml"),
                "kind: ConfigMap\nmetadata:\n  name: x\ndata:\n  found: {{ (lookup \"v1\" \"Secret\" \"ns\" \"s\").kind | quote }}\n");

            var plain = Renderer.Render(ChartLoader.Load(dir), null);
            var live = Renderer.Render(ChartLoader.Load(dir), null, new HelmRenderOptions
            {
                Lookup = (_, kind, ns, name) => new Dictionary<string, object?> { ["kind"] = $"{kind}/{ns}/{name}" },
            });

            // An empty map: .kind is nil, Sprig's quote leaves nil out, and the document is trimmed.
            Assert.EndsWith("data:\n  found:\n", plain.HelmTemplateOutput);
            Assert.Contains("  found: \"Secret/ns/s\"\n", live.HelmTemplateOutput);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
    [Fact]
    public void Files_glob_is_a_map_that_range_len_index_and_if_read_as_go_reads_a_map()
    {
        var dir = Directory.CreateTempSubdirectory("glob-chart-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Chart.yaml"), "apiVersion: v2\nname: glob\nversion: 1.0.0\n");
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            Directory.CreateDirectory(Path.Combine(dir, "dashboards"));
            File.WriteAllText(Path.Combine(dir, "dashboards", "b.json"), "{\"b\":2}");
            File.WriteAllText(Path.Combine(dir, "dashboards", "a.json"), "{\"a\":1}");
            File.WriteAllText(Path.Combine(dir, "templates", "cm.yaml"), """
                kind: ConfigMap
                metadata:
                  name: x
                data:
                {{- range $path, $bytes := .Files.Glob "dashboards/*.json" }}
                  {{ base $path }}: {{ toString $bytes | quote }}
                {{- end }}
                  count: "{{ len (.Files.Glob "dashboards/*") }}"
                  second: {{ index (.Files.Glob "dashboards/*") "dashboards/b.json" | toString | quote }}
                  none: {{ if .Files.Glob "nothing/*" }}"some"{{ else }}"none"{{ end }}
                """);

            var output = Renderer.Render(ChartLoader.Load(dir), null).HelmTemplateOutput;
            Assert.EndsWith("data:\n  a.json: \"{\\\"a\\\":1}\"\n  b.json: \"{\\\"b\\\":2}\"\n  count: \"2\"\n  second: \"{\\\"b\\\":2}\"\n  none: \"none\"\n", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
