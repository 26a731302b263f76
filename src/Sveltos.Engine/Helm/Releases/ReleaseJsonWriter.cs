using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// Go's json.Marshal of Helm 3's release.Release: the struct fields in declaration order with their omitempty rules
/// (a struct-typed field such as a time or last_run is never omitted), Helm's times, chart.Metadata as
/// <see cref="ChartFileWriter.ChartJson"/> writes it.
/// </summary>
internal static class ReleaseJsonWriter
{
    public static string Write(Release release)
    {
        var json = new GoStructWriter()
            .OmitEmpty("name", release.Name)
            .Json("info", Info(release.Info));
        if (release.Chart is { } chart)
        {
            json.Json("chart", Chart(chart));
        }

        if (release.Config.Count > 0)
        {
            json.Value("config", release.Config);
        }

        json.OmitEmpty("manifest", release.Manifest);
        if (release.Hooks.Count > 0)
        {
            json.Json("hooks", GoStructWriter.Slice(release.Hooks, Hook));
        }

        return json.OmitEmpty("version", release.Version)
            .OmitEmpty("namespace", release.Namespace)
            .Unknown(release.UnknownFields)
            .ToString();
    }

    private static string Info(ReleaseInfo info) => new GoStructWriter()
        .Value("first_deployed", info.FirstDeployed.ToJsonText())
        .Value("last_deployed", info.LastDeployed.ToJsonText())
        .Value("deleted", info.Deleted.ToJsonText())
        .OmitEmpty("description", info.Description)
        .OmitEmpty("status", info.Status)
        .OmitEmpty("notes", info.Notes)
        .Unknown(info.UnknownFields)
        .ToString();

    private static string Hook(ReleaseHook hook) => new GoStructWriter()
        .OmitEmpty("name", hook.Name)
        .OmitEmpty("kind", hook.Kind)
        .OmitEmpty("path", hook.Path)
        .OmitEmpty("manifest", hook.Manifest)
        .OmitEmpty("events", hook.Events)
        .Json("last_run", new GoStructWriter()
            .Value("started_at", hook.LastRun.StartedAt.ToJsonText())
            .Value("completed_at", hook.LastRun.CompletedAt.ToJsonText())
            .Value("phase", hook.LastRun.Phase)
            .ToString())
        .OmitEmpty("weight", hook.Weight)
        .OmitEmpty("delete_policies", hook.DeletePolicies)
        .OmitEmpty("output_log_policies", hook.OutputLogPolicies)
        .Unknown(hook.UnknownFields)
        .ToString();

    private static string Chart(ReleaseChart chart) => new GoStructWriter()
        .Json("metadata", ChartFileWriter.ChartJson(chart.Metadata))
        .Json("lock", chart.Lock is null ? "null" : Lock(chart.Lock))
        .Json("templates", GoStructWriter.Slice(chart.Templates, File))
        .Value("values", chart.Values)
        .Bytes("schema", chart.Schema)
        .Json("files", GoStructWriter.Slice(chart.Files, File))
        .Unknown(chart.UnknownFields)
        .ToString();

    private static string File(ChartFile file) => new GoStructWriter().Value("name", file.Path).Bytes("data", file.Data).ToString();

    /// <summary>chart.Lock: generated is a plain Go time.Time (the zero time is written out), no field is omitempty.</summary>
    private static string Lock(ChartLock lockFile) => new GoStructWriter()
        .Value("generated", (HelmTime.TryParse(lockFile.Generated, out var generated) ? generated : HelmTime.Zero).ToGoText())
        .Value("digest", lockFile.Digest)
        .Json("dependencies", GoStructWriter.Slice(lockFile.Dependencies, ChartFileWriter.DependencyJson))
        .ToString();
}
