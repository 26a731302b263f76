using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// Chart.yaml and Chart.lock as `helm package` writes them: the metadata marshalled through sigs.k8s.io/yaml, i.e.
/// JSON field names, empty fields left out (omitempty), keys sorted; a v1 chart's dependencies stay in
/// requirements.yaml.
/// </summary>
internal static class ChartFileWriter
{
    public static string ChartYaml(ChartMetadata m) => Write(Fields(m, withV1Dependencies: false));

    /// <summary>
    /// Go's json.Marshal of chart.Metadata (fields in the struct's order, empty ones left out): the config blob of a
    /// chart pushed to an OCI registry, and the fields of its repository index entry.
    /// </summary>
    public static string ChartJson(ChartMetadata m) => GoJson.Marshal(Fields(m, withV1Dependencies: true));

    private static GoStruct Fields(ChartMetadata m, bool withV1Dependencies)
    {
        var map = new GoStruct();
        Put(map, "name", m.Name);
        Put(map, "home", m.Home);
        PutList(map, "sources", m.Sources);
        Put(map, "version", m.Version);
        Put(map, "description", m.Description);
        PutList(map, "keywords", m.Keywords);
        if (m.Maintainers.Count > 0)
        {
            map["maintainers"] = m.Maintainers.Select(x =>
            {
                var maintainer = new GoStruct();
                Put(maintainer, "name", x.Name);
                Put(maintainer, "email", x.Email);
                Put(maintainer, "url", x.Url);
                return (object?)maintainer;
            }).ToList();
        }

        Put(map, "icon", m.Icon);
        Put(map, "apiVersion", m.ApiVersion);
        Put(map, "condition", m.Condition);
        Put(map, "tags", m.Tags);
        Put(map, "appVersion", m.AppVersion);
        if (m.Deprecated)
        {
            map["deprecated"] = true;
        }

        if (m.Annotations.Count > 0)
        {
            map["annotations"] = m.Annotations.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal);
        }

        Put(map, "kubeVersion", m.KubeVersion);
        if ((withV1Dependencies || m.ApiVersion != ChartMetadata.ApiVersionV1) && m.Dependencies.Count > 0)
        {
            map["dependencies"] = Dependencies(m.Dependencies);
        }

        Put(map, "type", m.Type);
        return map;
    }

    public static string LockYaml(ChartLock lockFile) => Write(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["generated"] = lockFile.Generated,
        ["digest"] = lockFile.Digest,
        ["dependencies"] = Dependencies(lockFile.Dependencies),
    });

    /// <summary>One chart.Dependency as Go's encoding/json writes it (a release's chart lock holds them).</summary>
    internal static string DependencyJson(ChartDependency dependency) => GoJson.Marshal(DependencyFields(dependency));

    private static List<object?> Dependencies(IReadOnlyList<ChartDependency> dependencies) => dependencies.Select(d => (object?)DependencyFields(d)).ToList();

    private static GoStruct DependencyFields(ChartDependency d)
    {
        var map = new GoStruct { ["name"] = d.Name };
        Put(map, "version", d.Version);
        map["repository"] = d.Repository;
        Put(map, "condition", d.Condition);
        PutList(map, "tags", d.Tags);
        if (d.Enabled)
        {
            map["enabled"] = true;
        }

        if (d.ImportValues.Count > 0)
        {
            map["import-values"] = d.ImportValues.ToList();
        }

        Put(map, "alias", d.Alias);
        return map;
    }

    private static string Write(Dictionary<string, object?> map) => TemplateYaml.Write(GoValues.ToJson(map)) + "\n";

    private static void Put(Dictionary<string, object?> map, string key, string value)
    {
        if (value.Length > 0)
        {
            map[key] = value;
        }
    }

    private static void PutList(Dictionary<string, object?> map, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            map[key] = values.Select(v => (object?)v).ToList();
        }
    }
}
