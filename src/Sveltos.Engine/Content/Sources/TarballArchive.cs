using System.Formats.Tar;
using System.IO.Compression;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// Unpacks a .tar.gz or a plain .tar (the format Sveltos keeps kustomize content in, in a ConfigMap or Secret, and Flux serves its
/// artifacts in) into a folder: regular files and folders only, every path kept inside the folder, within size
/// limits, so an archive can neither write outside it nor fill the disk. A link is refused, not followed.
/// </summary>
public static class TarballArchive
{
    public const long MaxTotalBytes = 256L * 1024 * 1024;
    public const int MaxEntries = 20_000;

    /// <exception cref="ContentException">The bytes are not a gzip'd tar, or an entry breaks a rule (named with <paramref name="source"/>).</exception>
    public static void Extract(byte[] archive, string directory, string source)
    {
        var root = Path.GetFullPath(directory);
        if (!IsGzip(archive) && !IsTar(archive))
        {
            throw Invalid(source, "it is not a tar archive, gzip-compressed or plain");
        }

        Directory.CreateDirectory(root);
        try
        {
            Stream bytes = new MemoryStream(archive, writable: false);
            using var stream = IsGzip(archive) ? new GZipStream(bytes, CompressionMode.Decompress) : bytes;
            using var reader = new TarReader(stream);
            long total = 0;
            var entries = 0;
            while (reader.GetNextEntry() is { } entry)
            {
                if (++entries > MaxEntries)
                {
                    throw Invalid(source, $"it has more than {MaxEntries} entries");
                }

                var name = entry.Name.Replace('\\', '/');
                while (name.StartsWith("./", StringComparison.Ordinal))
                {
                    name = name[2..];
                }

                if (name is "" or "." && entry.EntryType == TarEntryType.Directory)
                {
                    continue;
                }

                var target = Path.GetFullPath(Path.Combine(root, name));
                if (name.Length == 0 || Path.IsPathRooted(entry.Name) || !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw Invalid(source, $"entry '{entry.Name}' points outside the archive's folder");
                }

                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(target);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        total += entry.Length;
                        if (total > MaxTotalBytes)
                        {
                            throw Invalid(source, $"it unpacks to more than {MaxTotalBytes / (1024 * 1024)} MiB");
                        }

                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        using (var file = File.Create(target))
                        {
                            entry.DataStream?.CopyTo(file);
                        }

                        break;
                    case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                        throw Invalid(source, $"entry '{entry.Name}' is a link, which is not unpacked");
                    default:
                        // PAX and GNU metadata entries describe the next entry; anything else (devices, FIFOs) is skipped.
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw Invalid(source, $"it is not a tar archive, gzip-compressed or plain ({ex.Message})");
        }
    }

    /// <summary>Whether the bytes start as gzip does (1f 8b).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b;

    /// <summary>Whether the bytes are a plain tar: "ustar" at offset 257 of the first header.</summary>
    public static bool IsTar(ReadOnlySpan<byte> data) => data.Length >= 262 && data.Slice(257, 5).SequenceEqual("ustar"u8);

    private static ContentException Invalid(string source, string why) => new(
        "ContentTarballInvalid",
        $"{source}: the tarball cannot be unpacked: {why}.",
        source,
        "Store a .tar.gz of the folder (tar -czf content.tar.gz -C <folder> .), e.g. kubectl create configmap <name> --from-file=content.tar.gz.");
}
