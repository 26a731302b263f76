using System.Text;
using Sveltos.Engine.Helm.Values;

namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// Loads a chart from a folder or a .tgz as Helm's chart/loader does: .helmignore honoured for folders, Chart.yaml
/// (with a v1 chart's requirements.yaml / requirements.lock, or Chart.lock), values.yaml, values.schema.json,
/// templates/, subcharts in charts/ (folders and archives, recursively; names starting with '_' or '.' skipped) and
/// every other file for .Files.
/// </summary>
public static class ChartLoader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Loads the chart folder or archive at <paramref name="path"/>.</summary>
    /// <exception cref="HelmException">No chart there, or it is not a valid chart.</exception>
    public static Chart Load(string path)
    {
        if (Directory.Exists(path))
        {
            return LoadDirectory(path);
        }

        if (File.Exists(path))
        {
            return LoadArchive(File.ReadAllBytes(path), path);
        }

        throw new HelmException(HelmErrorIds.ChartNotFound, ErrorKind.ObjectNotFound, $"no chart at '{path}': there is no such folder or .tgz file", path, path);
    }

    /// <summary>Loads a chart archive (a gzipped tar with the chart in one top folder); <paramref name="sourceName"/> names it in errors.</summary>
    public static Chart LoadArchive(byte[] archive, string sourceName) => LoadFiles(ChartArchiveReader.Read(archive, sourceName), sourceName);

    /// <summary>The files of a chart folder as Helm's directory loader lists them (walk order, .helmignore applied).</summary>
    public static IReadOnlyList<ChartFile> ReadDirectoryFiles(string directory)
    {
        var top = Path.GetFullPath(directory);
        var ignoreFile = Path.Combine(top, HelmIgnore.FileName);
        HelmIgnore rules;
        try
        {
            rules = HelmIgnore.Parse(File.Exists(ignoreFile) ? File.ReadAllText(ignoreFile) : null);
        }
        catch (FormatException e)
        {
            throw new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData, $"chart '{directory}': {ignoreFile} {e.Message}", directory, ignoreFile);
        }

        var files = new List<ChartFile>();
        var remaining = ChartSizeLimits.MaxChartBytes;
        Walk(top, "", rules, files, ref remaining, directory);
        return files;
    }

    internal static Chart LoadDirectory(string directory) => LoadFiles(ReadDirectoryFiles(directory), directory);

    internal static byte[] WithoutBom(byte[] data) => data.AsSpan().StartsWith(Utf8Bom) ? data[Utf8Bom.Length..] : data;

    /// <summary>Helm's LoadFiles: sorts in-memory files into a chart. <paramref name="location"/> names the chart in errors.</summary>
    internal static Chart LoadFiles(IReadOnlyList<ChartFile> files, string location)
    {
        var chartYaml = files.FirstOrDefault(f => f.Path == "Chart.yaml")
            ?? throw new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData,
                $"chart '{location}': Chart.yaml is missing (a chart needs Chart.yaml at its top)", location, $"{location}/Chart.yaml");
        var metadata = ChartMetadata.Parse(Text(chartYaml), $"{location}/Chart.yaml");
        var label = location;
        var isV1 = metadata.ApiVersion == ChartMetadata.ApiVersionV1;

        ChartLock? lockFile = null;
        Dictionary<string, object?> values = new(StringComparer.Ordinal);
        byte[]? schema = null;
        var templates = new List<ChartFile>();
        var other = new List<ChartFile>();
        var subcharts = new SortedDictionary<string, List<ChartFile>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            switch (file.Path)
            {
                case "Chart.yaml":
                    continue;
                case "Chart.lock":
                    lockFile = ChartLock.Parse(Text(file), $"{location}/Chart.lock", label);
                    break;
                case "values.yaml":
                    values = ValuesFileReader.Read(Text(file), $"{location}/values.yaml", label);
                    break;
                case "values.schema.json":
                    schema = file.Data;
                    break;
                case "requirements.yaml":
                    // Helm reads requirements.yaml into the metadata whatever the apiVersion; only a v1 chart keeps it in .Files.
                    var requirements = ChartMetadata.Fields(Text(file), $"{location}/requirements.yaml", "chart.Metadata", label);
                    if (requirements is not null && requirements.Has("dependencies"))
                    {
                        var dependencies = ChartMetadata.ReadDependencies(requirements, "dependencies");
                        ChartMetadata.ValidateDependencies(dependencies, metadata.Name, $"{location}/requirements.yaml");
                        metadata = metadata.WithDependencies(dependencies);
                    }

                    if (isV1)
                    {
                        other.Add(file);
                    }

                    break;
                case "requirements.lock":
                    lockFile = ChartLock.Parse(Text(file), $"{location}/requirements.lock", label);
                    if (isV1)
                    {
                        other.Add(file);
                    }

                    break;
                case var p when p.StartsWith("templates/", StringComparison.Ordinal):
                    templates.Add(file);
                    break;
                case var p when p.StartsWith("charts/", StringComparison.Ordinal):
                    if (p.EndsWith(".prov", StringComparison.Ordinal))
                    {
                        other.Add(file);
                        break;
                    }

                    var inCharts = p["charts/".Length..];
                    var slash = inCharts.IndexOf('/');
                    var subchart = slash < 0 ? inCharts : inCharts[..slash];
                    if (!subcharts.TryGetValue(subchart, out var list))
                    {
                        subcharts[subchart] = list = [];
                    }

                    list.Add(file with { Path = inCharts });
                    break;
                default:
                    other.Add(file);
                    break;
            }
        }

        var chart = new Chart(metadata, lockFile, templates, values, schema, other, files);
        foreach (var (name, subchartFiles) in subcharts)
        {
            if (name.StartsWith('_') || name.StartsWith('.'))
            {
                continue;
            }

            chart.AddDependency(LoadSubchart(name, subchartFiles, $"{location}/charts/{name}"));
        }

        return chart;
    }

    private static Chart LoadSubchart(string name, List<ChartFile> files, string location)
    {
        if (name.EndsWith(".tgz", StringComparison.Ordinal))
        {
            var archive = files[0];
            if (archive.Path != name)
            {
                throw new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData,
                    $"chart '{location}': charts/{name} is a folder; a subchart archive must be a .tgz file directly in charts/", location, location);
            }

            return LoadArchive(archive.Data, location);
        }

        var inner = files.Where(f => f.Path.Contains('/')).Select(f => f with { Path = f.Path[(f.Path.IndexOf('/') + 1)..] }).ToList();
        return LoadFiles(inner, location);
    }

    private static void Walk(string directory, string relative, HelmIgnore rules, List<ChartFile> files, ref long remaining, string source)
    {
        var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            var target = entry.LinkTarget is null ? entry : entry.ResolveLinkTarget(returnFinalTarget: true) ?? entry;
            if (!target.Exists)
            {
                throw new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData, $"chart '{source}': '{path}' is a symbolic link to nothing", source, entry.FullName);
            }

            if (target is DirectoryInfo folder)
            {
                if (!rules.Ignores(path, isDirectory: true))
                {
                    Walk(folder.FullName, path, rules, files, ref remaining, source);
                }

                continue;
            }

            if (rules.Ignores(path, isDirectory: false))
            {
                continue;
            }

            var file = (FileInfo)target;
            if (file.Length > remaining)
            {
                throw ChartSizeLimits.ChartTooLarge(source);
            }

            if (file.Length > ChartSizeLimits.MaxFileBytes)
            {
                throw ChartSizeLimits.FileTooLarge(source, path);
            }

            var data = File.ReadAllBytes(file.FullName);
            remaining -= data.Length;
            files.Add(new ChartFile(path, WithoutBom(data)));
        }
    }

    private static string Text(ChartFile file) => Encoding.UTF8.GetString(file.Data);
}
