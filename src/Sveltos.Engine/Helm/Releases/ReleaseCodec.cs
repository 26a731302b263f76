using System.IO.Compression;
using System.Text;

namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// A release as the text of a Secret's data["release"], exactly Helm 3's encodeRelease/decodeRelease: the JSON,
/// gzipped at the best compression, in standard base64. Decoding also takes the plain JSON Helm wrote before it
/// compressed releases.
/// </summary>
public static class ReleaseCodec
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b, 0x08];

    /// <summary>The release's JSON, byte for byte what Go's json.Marshal writes for it.</summary>
    public static string ToJson(Release release) => ReleaseJsonWriter.Write(release);

    /// <exception cref="HelmException">The text is not a release's JSON.</exception>
    public static Release FromJson(string json) => ReleaseJsonReader.Read(json);

    public static string Encode(Release release)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(ToJson(release)));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <exception cref="HelmException">The data is not base64, not a valid gzip stream, or not a release's JSON.</exception>
    public static Release Decode(string data)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            throw GoStructReader.Invalid("the data is not base64");
        }

        if (bytes.Length > 3 && bytes.AsSpan(0, 3).SequenceEqual(GzipMagic))
        {
            bytes = Gunzip(bytes);
        }

        return FromJson(Encoding.UTF8.GetString(bytes));
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var json = new MemoryStream();
            gzip.CopyTo(json);
            return json.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw GoStructReader.Invalid($"the gzip stream is corrupt: {ex.Message}");
        }
    }
}
