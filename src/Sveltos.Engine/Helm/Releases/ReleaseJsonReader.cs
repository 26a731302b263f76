using System.Collections.ObjectModel;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// Go's json.Unmarshal into Helm 3's release.Release: numbers of values as float64 (the engine's doubles), times as
/// Helm reads them, []byte from base64. Fields of a newer Helm are kept rather than refused.
/// </summary>
internal static class ReleaseJsonReader
{
    public static readonly IReadOnlyDictionary<string, object?> NoFields = new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>(StringComparer.Ordinal));

    /// <exception cref="HelmException">The text is not JSON, or a field has the wrong type.</exception>
    public static Release Read(string json)
    {
        object? document;
        try
        {
            document = GoJson.Unmarshal(json);
        }
        catch (GoFunctionException ex)
        {
            throw GoStructReader.Invalid(ex.Message);
        }

        var r = GoStructReader.Of(document, "release") ?? throw GoStructReader.Invalid("the JSON is null");
        var release = new Release
        {
            Name = r.String("name"),
            Info = Info(r.Struct("info")),
            Chart = r.Struct("chart") is { } chart ? Chart(chart) : null,
            Config = r.Map("config") ?? new Dictionary<string, object?>(StringComparer.Ordinal),
            Manifest = r.String("manifest"),
            Hooks = r.Structs("hooks").Select(Hook).ToList(),
            Version = r.Int("version"),
            Namespace = r.String("namespace"),
        };
        return release with { UnknownFields = r.Unknown() };
    }

    private static ReleaseInfo Info(GoStructReader? r)
    {
        if (r is null)
        {
            return new ReleaseInfo();
        }

        var info = new ReleaseInfo
        {
            FirstDeployed = r.Time("first_deployed"),
            LastDeployed = r.Time("last_deployed"),
            Deleted = r.Time("deleted"),
            Description = r.String("description"),
            Status = r.String("status"),
            Notes = r.String("notes"),
        };
        return info with { UnknownFields = r.Unknown() };
    }

    private static ReleaseHook Hook(GoStructReader r)
    {
        var hook = new ReleaseHook
        {
            Name = r.String("name"),
            Kind = r.String("kind"),
            Path = r.String("path"),
            Manifest = r.String("manifest"),
            Events = r.Strings("events"),
            LastRun = r.Struct("last_run") is { } run
                ? new HookExecution { StartedAt = run.Time("started_at"), CompletedAt = run.Time("completed_at"), Phase = run.String("phase") }
                : new HookExecution(),
            Weight = r.Int("weight"),
            DeletePolicies = r.Strings("delete_policies"),
            OutputLogPolicies = r.Strings("output_log_policies"),
        };
        return hook with { UnknownFields = r.Unknown() };
    }

    private static ReleaseChart Chart(GoStructReader r)
    {
        var chart = new ReleaseChart
        {
            Metadata = r.Struct("metadata") is { } metadata ? Metadata(metadata) : new ChartMetadata(),
            Lock = r.Struct("lock") is { } lockFile ? Lock(lockFile) : null,
            Templates = Files(r, "templates"),
            Values = r.Map("values"),
            Schema = r.Bytes("schema"),
            Files = Files(r, "files"),
        };
        return chart with { UnknownFields = r.Unknown() };
    }

    private static IReadOnlyList<ChartFile> Files(GoStructReader r, string name) =>
        r.Structs(name).Select(f => new ChartFile(f.String("name"), f.Bytes("data") ?? [])).ToList();

    private static ChartMetadata Metadata(GoStructReader r) => new()
    {
        Name = r.String("name"),
        Home = r.String("home"),
        Sources = r.Strings("sources"),
        Version = r.String("version"),
        Description = r.String("description"),
        Keywords = r.Strings("keywords"),
        Maintainers = r.Structs("maintainers").Select(m => new ChartMaintainer(m.String("name"), m.String("email"), m.String("url"))).ToList(),
        Icon = r.String("icon"),
        ApiVersion = r.String("apiVersion"),
        Condition = r.String("condition"),
        Tags = r.String("tags"),
        AppVersion = r.String("appVersion"),
        Deprecated = r.Bool("deprecated"),
        Annotations = r.StringMap("annotations"),
        KubeVersion = r.String("kubeVersion"),
        Dependencies = Dependencies(r),
        Type = r.String("type"),
    };

    private static ChartLock Lock(GoStructReader r)
    {
        var generated = r.String("generated");
        if (generated.Length > 0 && !HelmTime.TryParse(generated, out _))
        {
            throw GoStructReader.Invalid($"chart.lock.generated: \"{generated}\" is not an RFC 3339 time");
        }

        return new ChartLock(generated, r.String("digest"), Dependencies(r));
    }

    private static IReadOnlyList<ChartDependency> Dependencies(GoStructReader r) => r.Structs("dependencies").Select(d => new ChartDependency
    {
        Name = d.String("name"),
        Version = d.String("version"),
        Repository = d.String("repository"),
        Condition = d.String("condition"),
        Tags = d.Strings("tags"),
        Enabled = d.Bool("enabled"),
        ImportValues = d.List("import-values"),
        Alias = d.String("alias"),
    }).ToList();
}
