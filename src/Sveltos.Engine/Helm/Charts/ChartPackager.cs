using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Sveltos.Engine.Helm.Charts;

/// <summary>A packaged chart: Helm's file name (<c>name-version.tgz</c>) and the archive.</summary>
public sealed record PackagedChart(string FileName, byte[] Archive);

/// <summary>
/// `helm package`: a chart folder (.helmignore honoured) to a gzipped tar whose one top folder is the chart's name,
/// in Helm's order — Chart.yaml (re-marshalled), Chart.lock (v2), values.yaml, values.schema.json, templates, the
/// other files, then each subchart the same way under charts/ (archived subcharts are written out as folders, as Helm
/// does). Every dependency of Chart.yaml must be present in charts/.
/// </summary>
public static class ChartPackager
{
    /// <exception cref="HelmException">The folder is not a valid chart, a dependency is missing, or the schema is not JSON.</exception>
    public static PackagedChart Package(string chartFolder)
    {
        var chart = ChartLoader.LoadDirectory(chartFolder);
        var missing = chart.Metadata.Dependencies.Where(d => !chart.Dependencies.Any(c => c.Name == d.Name)).Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            throw new HelmException(HelmErrorIds.PackageFailed, ErrorKind.ObjectNotFound,
                $"chart '{chart.Name}': found in Chart.yaml, but missing in charts/ directory: {string.Join(", ", missing)}",
                chart.Name, Path.Combine(chartFolder, "Chart.yaml"),
                recommendedAction: "Put the dependency charts in charts/ (helm dependency update) before packaging.");
        }

        return new PackagedChart($"{chart.Name}-{chart.Metadata.Version}.tgz", Archive(chart));
    }

    /// <summary>The archive of a loaded chart tree.</summary>
    public static byte[] Archive(Chart chart)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            WriteChart(tar, chart, "");
        }

        return output.ToArray();
    }

    private static void WriteChart(TarWriter tar, Chart chart, string prefix)
    {
        var root = prefix + chart.Name;
        Write(tar, $"{root}/Chart.yaml", Encoding.UTF8.GetBytes(ChartFileWriter.ChartYaml(chart.Metadata)));
        if (chart.Metadata.ApiVersion == ChartMetadata.ApiVersionV2 && chart.Lock is { } lockFile)
        {
            Write(tar, $"{root}/Chart.lock", Encoding.UTF8.GetBytes(ChartFileWriter.LockYaml(lockFile)));
        }

        foreach (var values in chart.Raw.Where(f => f.Path == "values.yaml"))
        {
            Write(tar, $"{root}/values.yaml", values.Data);
        }

        if (chart.Schema is { } schema)
        {
            try
            {
                using var _ = JsonDocument.Parse(schema);
            }
            catch (JsonException e)
            {
                throw new HelmException(HelmErrorIds.PackageFailed, ErrorKind.InvalidData,
                    $"chart '{chart.ChartFullPath}': values.schema.json is not valid JSON: {e.Message}", chart.ChartFullPath, $"{chart.ChartFullPath}/values.schema.json");
            }

            Write(tar, $"{root}/values.schema.json", schema);
        }

        foreach (var file in chart.Templates.Concat(chart.Files))
        {
            Write(tar, $"{root}/{file.Path}", file.Data);
        }

        foreach (var dependency in chart.Dependencies)
        {
            WriteChart(tar, dependency, $"{root}/charts/");
        }
    }

    private static void Write(TarWriter tar, string name, byte[] data)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            ModificationTime = DateTimeOffset.UtcNow,
            DataStream = new MemoryStream(data, writable: false),
        };
        tar.WriteEntry(entry);
    }
}
