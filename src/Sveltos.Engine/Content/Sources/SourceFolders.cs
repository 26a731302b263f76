using System.Security.Cryptography;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// Where fetched sources live on disk: one folder per distinct content (named by its digest, or by a commit), made
/// once under a temporary name and moved into place, so a folder that exists is complete and shared by every sync.
/// </summary>
internal static class SourceFolders
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "sveltos-sources");

    public static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    public static string Sha256(string text) => Sha256(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>The folder of an unpacked archive (tar or tar.gz), unpacked the first time it is seen.</summary>
    public static string Unpack(byte[] archive, string where) =>
        Make(Path.Combine(Root, "archives", Sha256(archive)), folder => TarballArchive.Extract(archive, folder, where));

    /// <summary>The folder named <paramref name="folder"/>, made by <paramref name="fill"/> when it does not exist yet.</summary>
    public static string Make(string folder, Action<string> fill)
    {
        if (Directory.Exists(folder))
        {
            return folder;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        var partial = folder + "." + Guid.NewGuid().ToString("N");
        try
        {
            fill(partial);
            Directory.Move(partial, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another sync made the same folder meanwhile.
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }

        return folder;
    }
}
