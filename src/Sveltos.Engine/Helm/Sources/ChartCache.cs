using System.Security.Cryptography;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// Chart archives on disk keyed by their sha256 (<c>&lt;root&gt;/sha256/&lt;hex&gt;.tgz</c>). What is read back is
/// verified: a file whose content no longer matches its name is dropped and counts as missing.
/// </summary>
public sealed class ChartCache
{
    public ChartCache(string? root = null) => Root = root ?? DefaultRoot();

    public string Root { get; }

    /// <summary>Names the cache folder instead of the default (a CI job points it at a folder it caches between runs).</summary>
    public const string RootVariable = "SVELTOS_HELM_CACHE";

    /// <summary>
    /// $SVELTOS_HELM_CACHE, else the user's cache folder: $XDG_CACHE_HOME or ~/.cache on Unix, %LOCALAPPDATA% on
    /// Windows; then sveltos/helm.
    /// </summary>
    public static string DefaultRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = !string.IsNullOrEmpty(xdg) ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : OperatingSystem.IsMacOS() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Caches")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "sveltos", "helm");
    }

    /// <summary>The cached archive with this sha256 (hex, with or without "sha256:"), or null.</summary>
    public byte[]? Get(string digest)
    {
        var path = PathOf(digest);
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (Hex(data) == Normalize(digest))
        {
            return data;
        }

        File.Delete(path);
        return null;
    }

    /// <summary>Stores an archive under its own sha256 (written to a temporary file, then moved into place).</summary>
    public string Put(byte[] data)
    {
        var digest = Hex(data);
        var path = PathOf(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():n}.tmp";
        File.WriteAllBytes(temporary, data);
        File.Move(temporary, path, overwrite: true);
        return digest;
    }

    internal static string Hex(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    private string PathOf(string digest) => Path.Combine(Root, "sha256", Normalize(digest) + ".tgz");

    private static string Normalize(string digest)
    {
        var hex = digest.StartsWith("sha256:", StringComparison.Ordinal) ? digest[7..] : digest;
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            throw new ChartSourceException(ChartSourceErrorIds.DigestMismatch, ErrorKind.InvalidData, $"'{digest}' is not a sha256 digest");
        }

        return hex.ToLowerInvariant();
    }
}
