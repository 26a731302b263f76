using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// The files of a chart archive (.tgz) as Helm's LoadArchiveFiles reads them: the first path element (the chart's
/// folder) removed, '\' separators of Windows-made archives accepted, absolute paths, '..' and drive letters
/// refused, Chart.yaml outside the folder refused, folders and extended headers skipped, Helm's size limits.
/// </summary>
internal static partial class ChartArchiveReader
{
    private static readonly byte[] GzipMagic = [0x1F, 0x8B, 0x08];

    public static bool LooksGzipped(ReadOnlySpan<byte> data) => data.StartsWith(GzipMagic);

    public static List<ChartFile> Read(byte[] archive, string source)
    {
        if (!LooksGzipped(archive))
        {
            var hint = source.EndsWith(".yaml", StringComparison.Ordinal) || source.EndsWith(".yml", StringComparison.Ordinal)
                ? "it seems to be a YAML file, but a chart archive (gzipped tar) is expected"
                : "it does not appear to be a gzipped archive";
            throw Invalid(source, $"'{source}' is not a chart archive: {hint}");
        }

        try
        {
            return ReadEntries(archive, source);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw Invalid(source, $"'{source}' is not a valid chart archive: {e.Message}");
        }
    }

    private static List<ChartFile> ReadEntries(byte[] archive, string source)
    {
        var files = new List<ChartFile>();
        var remaining = ChartSizeLimits.MaxChartBytes;
        using var gzip = new GZipStream(new MemoryStream(archive, writable: false), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
            {
                continue;
            }

            var name = ChartPath(entry.Name, source);
            if (entry.Length > remaining)
            {
                throw ChartSizeLimits.ChartTooLarge(source);
            }

            if (entry.Length > ChartSizeLimits.MaxFileBytes)
            {
                throw ChartSizeLimits.FileTooLarge(source, entry.Name);
            }

            var data = ReadData(entry, remaining, source);
            remaining -= data.Length;
            files.Add(new ChartFile(name, ChartLoader.WithoutBom(data)));
        }

        if (files.Count == 0)
        {
            throw Invalid(source, $"'{source}' holds no files");
        }

        return files;
    }

    private static byte[] ReadData(TarEntry entry, long remaining, string source)
    {
        if (entry.DataStream is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = entry.DataStream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= remaining)
            {
                throw ChartSizeLimits.ChartTooLarge(source);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The entry's path inside the chart, after Helm's safety checks.</summary>
    private static string ChartPath(string entryName, string source)
    {
        var delimiter = entryName.Contains('\\') ? '\\' : '/';
        var parts = entryName.Split(delimiter);
        var name = string.Join('/', parts.Skip(1));
        if (name.StartsWith('/'))
        {
            throw Invalid(source, $"'{source}' illegally contains an absolute path: '{entryName}'");
        }

        name = CleanPath(name);
        if (name == ".")
        {
            throw Invalid(source, $"'{source}' illegally contains content outside the chart's folder: '{entryName}'");
        }

        if (name.StartsWith("..", StringComparison.Ordinal))
        {
            throw Invalid(source, $"'{source}' illegally references a parent folder: '{entryName}'");
        }

        if (DrivePath().IsMatch(name))
        {
            throw Invalid(source, $"'{source}' contains an illegally named file: '{entryName}'");
        }

        if (parts[0] == "Chart.yaml")
        {
            throw Invalid(source, $"'{source}' has Chart.yaml outside the chart's folder (an archive holds one top folder, the chart)");
        }

        return name;
    }

    /// <summary>Go's path.Clean for a relative path.</summary>
    internal static string CleanPath(string path)
    {
        var output = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && output.Count > 0 && output[^1] != "..")
            {
                output.RemoveAt(output.Count - 1);
                continue;
            }

            output.Add(part);
        }

        return output.Count == 0 ? "." : string.Join('/', output);
    }

    private static HelmException Invalid(string source, string message) =>
        new(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData, message, source, source);

    [GeneratedRegex("^[a-zA-Z]:/")]
    private static partial Regex DrivePath();
}
