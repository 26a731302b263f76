using System.Diagnostics;
using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

public class TemplateConcurrencyTests
{
    /// <summary>A typical per-cluster template: about 50 lines, labels, a fetched resource, a loop, functions.</summary>
    private const string Typical = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ cluster_name }}-settings
          namespace: {{ cluster_namespace }}
          labels:
            app.kubernetes.io/name: {{ cluster.metadata.labels["app.kubernetes.io/name"] }}
            env: {{ cluster.metadata.labels.env }}
            region: {{ cluster.metadata.labels.region ?? "west" }}
          annotations:
            owner: {{ cluster.metadata.annotations["team/owner"] | quote }}
        data:
          cluster: {{ cluster_name }}
          version: {{ kubernetes_version }}
          replicas: {{ cluster.spec.replicas | quote }}
          bucket: {{ resources.Bucket.status.atProvider.url }}
          bucket-region: {{ get_field resources.Bucket "spec.region" }}
          checksum: {{ cluster_name | string.sha256 }}
          encoded: {{ cluster_name | string.base64_encode }}
          {{- for label in cluster.metadata.labels | array.sort "key" }}
          label-{{ label.key | string.replace "/" "_" | string.replace "." "-" }}: {{ label.value | quote }}
          {{- end }}
          spec.yaml: |
            {{- cluster.spec | to_yaml | nindent 4 }}
          size: {{ if cluster.spec.replicas > 2 }}large{{ else }}small{{ end }}
          zone-a: {{ cluster.metadata.labels.region + "-a" }}
          zone-b: {{ cluster.metadata.labels.region + "-b" }}
          zone-c: {{ cluster.metadata.labels.region + "-c" }}
          upper: {{ cluster_name | string.upcase }}
          padded: {{ cluster_name | string.pad_left 12 | squote }}
          first: {{ cluster.metadata.labels | object.keys | array.first }}
          count: {{ cluster.metadata.labels | object.size }}
          endpoint: https://{{ cluster_name }}.{{ cluster_namespace }}.example.com
          json: {{ dict "name" cluster_name "env" cluster.metadata.labels.env | to_json | squote }}
          required: {{ cluster.metadata.labels.env | required "env is needed" }}
          default: {{ cluster.metadata.labels.tier | default "standard" }}
          calc: {{ cluster.spec.replicas * 2 + 1 }}
          ratio: {{ cluster.spec.ratio }}
          ready: {{ cluster.status.ready }}
          kubeconfig: {{ cluster.spec.kubeconfigName }}
          env-upper: {{ cluster.metadata.labels.env | string.upcase }}
          bucket-name: {{ resources.Bucket.metadata.name }}
          bucket-versioning: {{ resources.Bucket.spec.versioning }}
          line-48: "48"
          line-49: "49"
          line-50: "50"
        """;

    [Fact]
    public void One_compiled_template_renders_correctly_for_100_clusters_in_parallel()
    {
        var template = new TemplateRenderer().Compile(Typical, "fleet/settings");
        var clusters = Enumerable.Range(0, 100).Select(i => $"cluster-{i:000}").ToList();
        var outputs = new string[clusters.Count];
        Parallel.For(0, clusters.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var name = clusters[i];
            var data = Data(Cluster(name, "fleet", region: i % 2 == 0 ? "eu-west" : null, env: $"env-{i}"),
                resources: new() { ["Bucket"] = Bucket(name, $"https://buckets.example.com/{name}") });
            outputs[i] = i % 2 == 0 ? template.Render(data) : Assert.Throws<TemplateException>(() => template.Render(data)).Message;
        });

        for (var i = 0; i < clusters.Count; i++)
        {
            var name = clusters[i];
            if (i % 2 == 0)
            {
                Assert.Contains($"  name: {name}-settings\n", outputs[i]);
                Assert.Contains($"  env: env-{i}\n", outputs[i]);
                Assert.Contains($"  bucket: https://buckets.example.com/{name}\n", outputs[i]);
                Assert.Contains($"  encoded: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(name))}\n", outputs[i]);
                Assert.Contains($"  json: '{{\"name\":\"{name}\",\"env\":\"env-{i}\"}}'\n", outputs[i]);
                Assert.Contains("    kubeconfigName: " + name + "-sveltos-kubeconfig\n", outputs[i]);
            }
            else
            {
                // Clusters without the region label fail alone, with their own error.
                Assert.Contains("has no key 'region'", outputs[i]);
            }
        }
    }

    [Fact]
    public void Compiling_once_and_rendering_200_times_is_fast()
    {
        var template = new TemplateRenderer().Compile(Typical, "fleet/settings");
        var data = Data();
        template.Render(data);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            template.Render(data);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"200 renderings took {clock.Elapsed}");
    }
}
