using System.Globalization;
using Sveltos.Engine.Helm.Values;

namespace Sveltos.HelmRender.Bench;

/// <summary>
/// Distinct value sets for the storefront chart, as a fleet would give them (-Set lines per cluster): each one
/// changes names, replicas and labels, and switches ingress, TLS, autoscaling, replication, the worker, metrics
/// and extra environment on and off in different combinations, so every set renders to different manifests.
/// </summary>
internal static class ValueSets
{
    public static List<Dictionary<string, object?>> Create(int first, int count) =>
        Enumerable.Range(first, count).Select(i => HelmValues.MergeUserValues(new HelmUserValues { Set = SetLines(i) })).ToList();

    private static List<string> SetLines(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"image.tag=5.{n}.0",
            $"replicaCount={(i % 5) + 1}",
            $"commonLabels.team=team-{i % 10}",
            $"podAnnotations.fleet/revision=r{n}",
            $"config.currency={(i % 3 == 0 ? "usd" : "eur")}",
            $"config.upstreams[0].url=http://catalog-{n}:8080",
            $"secrets.apiTokens.partner{i % 4}=token-{n}",
            $"extraEnvVars[0].name=CLUSTER_ID,extraEnvVars[0].value=cluster-{n}-{{{{ .Release.Namespace }}}}",
            $"ingress.enabled={Bool(i % 2 == 0)}",
            $"ingress.hosts[0].host=shop-{n}.example.com",
            $"ingress.hosts[0].paths[0].path=/",
            $"autoscaling.enabled={Bool(i % 3 == 0)}",
            $"cache.architecture={(i % 5 == 0 ? "replication" : "standalone")}",
            $"worker.enabled={Bool(i % 7 != 0)}",
            $"worker.replicaCount={(i % 4) + 1}",
            $"metrics.enabled={Bool(i % 4 == 1)}",
            $"resourcesPreset={Presets[i % Presets.Length]}",
        };
        if (i % 4 == 0)
        {
            lines.Add($"ingress.tls[0].hosts[0]=shop-{n}.example.com");
        }

        if (i % 6 == 0)
        {
            lines.Add($"global.imageRegistry=registry-{i % 3}.example.com");
            lines.Add("global.imagePullSecrets[0]=pull-secret");
        }

        return lines;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static readonly string[] Presets = ["nano", "micro", "small", "medium", "large"];
}
