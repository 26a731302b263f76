using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Sveltos.Engine.Content;
using Sveltos.Engine.Content.Sources;

namespace Sveltos.Engine.Tests.Content;

public sealed class TarballArchiveTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"sveltos-tarball-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static byte[] Archive(params (string Name, TarEntryType Type, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (name, type, text) in entries)
            {
                var entry = new PaxTarEntry(type, name);
                if (type == TarEntryType.SymbolicLink)
                {
                    entry.LinkName = text;
                }
                else if (type == TarEntryType.RegularFile)
                {
                    entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text));
                }

                tar.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Unpacks_folders_and_files_as_tar_czf_of_a_folder_writes_them()
    {
        var archive = Archive(("./", TarEntryType.Directory, ""), ("./base/", TarEntryType.Directory, ""), ("./base/kustomization.yaml", TarEntryType.RegularFile, "resources: [cm.yaml]\n"));

        TarballArchive.Extract(archive, root, "ConfigMap fleet/kustomize");

        Assert.Equal("resources: [cm.yaml]\n", File.ReadAllText(Path.Combine(root, "base", "kustomization.yaml")));
    }

    [Theory]
    [InlineData("../escape.yaml")]
    [InlineData("base/../../escape.yaml")]
    [InlineData("/etc/escape.yaml")]
    public void An_entry_outside_the_folder_is_refused_and_nothing_is_written_outside(string name)
    {
        var ex = Assert.Throws<ContentException>(() => TarballArchive.Extract(Archive((name, TarEntryType.RegularFile, "x")), root, "ConfigMap fleet/evil"));

        Assert.Contains("ConfigMap fleet/evil: the tarball cannot be unpacked", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(root)!, "escape.yaml")));
    }

    [Fact]
    public void A_link_is_refused()
    {
        var ex = Assert.Throws<ContentException>(() => TarballArchive.Extract(Archive(("passwd", TarEntryType.SymbolicLink, "/etc/passwd")), root, "Secret fleet/s"));

        Assert.Contains("is a link", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_a_tarball_are_a_clear_error()
    {
        var ex = Assert.Throws<ContentException>(() => TarballArchive.Extract(Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\n"), root, "ConfigMap fleet/plain"));

        Assert.Equal("ContentTarballInvalid", ex.ErrorId);
        Assert.Contains("it is not a tar archive, gzip-compressed or plain", ex.Message, StringComparison.Ordinal);
    }
}
