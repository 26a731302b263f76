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
    public static string ChartYaml(ChartMetadata m)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
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
                var maintainer = new Dictionary<string, object?>(StringComparer.Ordinal);
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
        if (m.ApiVersion != ChartMetadata.ApiVersionV1 && m.Dependencies.Count > 0)
        {
            map["dependencies"] = Dependencies(m.Dependencies);
        }

        Put(map, "type", m.Type);
        return Write(map);
    }

    public static string LockYaml(ChartLock lockFile) => Write(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["generated"] = lockFile.Generated,
        ["digest"] = lockFile.Digest,
        ["dependencies"] = Dependencies(lockFile.Dependencies),
    });

    private static List<object?> Dependencies(IReadOnlyList<ChartDependency> dependencies) => dependencies.Select(d =>
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = d.Name, ["repository"] = d.Repository };
        Put(map, "version", d.Version);
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
        return (object?)map;
    }).ToList();

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
