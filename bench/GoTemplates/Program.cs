using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

// Renders a 200-line Go template (labels, ranges, Sprig calls, getResource, toYaml) for one cluster, many times,
// and prints renders/second on one thread and on all cores. A figure to compare over time; it never gates CI.
var section = """
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: {{ $.Cluster.metadata.name }}-{{ $i }}
      namespace: {{ $.Cluster.metadata.namespace | default "default" }}
      labels:
        {{- range $k, $v := $.Cluster.metadata.labels }}
        {{ $k }}: {{ $v | quote }}
        {{- end }}
    data:
      region: {{ index $.Cluster.metadata.labels "region" | upper | quote }}
      bucket: {{ (getResource "Bucket").status.atProvider.url }}
      replicas: {{ add 1 (len $.Cluster.metadata.labels) | toString | quote }}
      {{- if semverCompare ">=1.28" $.Cluster.spec.kubernetesVersion }}
      modern: "true"
      {{- end }}
      spec: |
        {{- toYaml (getResource "Bucket").spec | nindent 4 }}
      hash: {{ printf "%s-%d" $.Cluster.metadata.name $i | sha256sum | trunc 12 }}
    """;
var text = new StringBuilder();
for (var copy = 0; copy < 9; copy++)
{
    text.Append("{{- $i := ").Append(copy).Append(" }}\n").Append(section).Append('\n');
}

var lines = text.ToString().Split('\n').Length;

var cluster = JsonNode.Parse("""
    {"apiVersion":"lib.projectsveltos.io/v1beta1","kind":"SveltosCluster",
     "metadata":{"name":"prod-1","namespace":"fleet","labels":{"env":"prod","region":"west","team":"payments","tier":"gold","zone":"a"}},
     "spec":{"kubernetesVersion":"v1.30.2"}}
    """)!.AsObject();
var bucket = JsonNode.Parse("""
    {"apiVersion":"storage.gcp.upbound.io/v1beta1","kind":"Bucket","metadata":{"name":"b"},
     "spec":{"forProvider":{"location":"EU","storageClass":"STANDARD","versioning":[{"enabled":true}]}},
     "status":{"atProvider":{"url":"gs://b"}}}
    """)!.AsObject();
var data = new TemplateData(cluster, "v1.30.2", new Dictionary<string, JsonObject> { ["Bucket"] = bucket });
var template = new GoTemplateRenderer().Compile(text.ToString(), "bench");
var output = template.Render(data);
for (var i = 0; i < 200; i++)
{
    template.Render(data);
}

const int Renders = 3000;
var watch = Stopwatch.StartNew();
for (var i = 0; i < Renders; i++)
{
    template.Render(data);
}

var single = Renders / watch.Elapsed.TotalSeconds;
watch.Restart();
Parallel.For(0, Renders, _ => template.Render(data));
var parallel = Renders / watch.Elapsed.TotalSeconds;
Console.WriteLine($"Go template: {lines} template lines -> {output.Split('\n').Length} output lines");
Console.WriteLine($"renders/second: {single:0} on one thread, {parallel:0} on {Environment.ProcessorCount} cores");
