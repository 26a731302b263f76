using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Sveltos.Engine.Tests.Helm.Sources;

/// <summary>Small packaged charts (<c>&lt;name&gt;/Chart.yaml</c> and a template) made in memory for the source tests.</summary>
internal static class TestChartArchives
{
    public static byte[] Create(string name, string version, string? extraChartYaml = null)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            Add(tar, $"{name}/Chart.yaml", $"apiVersion: v2\nname: {name}\nversion: {version}\ndescription: A chart for tests\n{extraChartYaml}");
            Add(tar, $"{name}/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
        }

        return output.ToArray();
    }

    private static void Add(TarWriter tar, string path, string text)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
        tar.WriteEntry(entry);
    }
}
