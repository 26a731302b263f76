using System.Formats.Tar;
using System.Text;
using Sveltos.Engine.Content;
using Sveltos.Engine.Content.Kustomize;
using Sveltos.Engine.Content.Sources;

namespace Sveltos.Engine.Tests.Content;

public sealed class ContentSourceFolderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"sveltos-source-{Guid.NewGuid():N}");

    public ContentSourceFolderTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_path_outside_the_source_is_refused_and_a_missing_one_names_source_and_revision()
    {
        Directory.CreateDirectory(Path.Combine(root, "apps"));
        var source = new FetchedSource(root, "main@sha1:abc", "GitRepository flux-system/repo");

        Assert.Equal(Path.Combine(root, "apps"), source.Folder("./apps", "where", "target"));
        Assert.Equal("SourcePathOutside", Assert.Throws<ContentException>(() => source.Folder("../etc", "where", "target")).ErrorId);
        var missing = Assert.Throws<ContentException>(() => source.Folder("web", "ClusterProfile/p policyRef", "target"));
        Assert.Equal("ClusterProfile/p policyRef: GitRepository flux-system/repo at revision main@sha1:abc has no folder 'web'.", missing.Message);
    }

    [Fact]
    public void A_plain_tar_unpacks_like_a_gzipped_one()
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "app/cm.yaml") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("kind: ConfigMap\n")) });
        }

        TarballArchive.Extract(buffer.ToArray(), Path.Combine(root, "out"), "remoteURL");

        Assert.Equal("kind: ConfigMap\n", File.ReadAllText(Path.Combine(root, "out/app/cm.yaml")));
    }

    [Fact]
    public void A_folder_of_plain_manifests_gets_a_kustomization_and_components_are_added_to_a_copy_never_the_source()
    {
        File.WriteAllText(Path.Combine(root, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Directory.CreateDirectory(Path.Combine(root, "nested"));
        File.WriteAllText(Path.Combine(root, "nested/b.json"), "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"}}");
        File.WriteAllText(Path.Combine(root, "notes.txt"), "not a manifest");
        var source = new FetchedSource(root, "sha256:" + Guid.NewGuid().ToString("N"), "test");

        var generated = KustomizeFolder.Prepare(source, root, [], "where");
        var withComponent = KustomizeFolder.Prepare(source, root, ["../tls"], "where");

        Assert.NotEqual(root, generated);
        Assert.Contains("- a.yaml", File.ReadAllText(Path.Combine(generated, "kustomization.yaml")), StringComparison.Ordinal);
        Assert.Contains("- nested/b.json", File.ReadAllText(Path.Combine(generated, "kustomization.yaml")), StringComparison.Ordinal);
        Assert.DoesNotContain("notes.txt", File.ReadAllText(Path.Combine(generated, "kustomization.yaml")), StringComparison.Ordinal);
        Assert.Contains("- ../tls", File.ReadAllText(Path.Combine(withComponent, "kustomization.yaml")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "kustomization.yaml")));
    }
}
