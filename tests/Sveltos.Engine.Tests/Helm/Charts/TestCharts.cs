using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Sveltos.Engine.Tests.Helm.Charts;

/// <summary>The test charts of Helm/TestCharts (copied to the output folder) and hand-made archives.</summary>
internal static class TestCharts
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Helm", "TestCharts", name);

    /// <summary>A .tgz with these entries, in this order; a null content makes a folder entry.</summary>
    public static byte[] Archive(params (string Name, string? Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (name, content) in entries)
            {
                var entry = new PaxTarEntry(content is null ? TarEntryType.Directory : TarEntryType.RegularFile, name);
                if (content is not null)
                {
                    entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                }

                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    public const string MinimalChartYaml = "apiVersion: v2\nname: mini\nversion: 0.1.0\n";
}
