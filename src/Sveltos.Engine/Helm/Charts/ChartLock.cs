namespace Sveltos.Engine.Helm.Charts;

/// <summary>Chart.lock (apiVersion v2) or requirements.lock (v1): the dependency versions last resolved.</summary>
public sealed record ChartLock(string Generated, string Digest, IReadOnlyList<ChartDependency> Dependencies)
{
    /// <exception cref="HelmException">The lock file does not parse.</exception>
    public static ChartLock Parse(string yaml, string sourceName, string chartName)
    {
        var fields = ChartMetadata.Fields(yaml, sourceName, "chart.Lock", chartName);
        return fields is null
            ? new ChartLock("", "", [])
            : new ChartLock(fields.String("generated") ?? "", fields.String("digest") ?? "", ChartMetadata.ReadDependencies(fields, "dependencies"));
    }
}
