using System.IO.Compression;
using System.Text;

namespace Sveltos.Engine.Tests.Helm.Releases;

/// <summary>
/// A release as Helm 3 stores it, written by hand from Helm's struct definitions: fields in struct order, omitempty
/// fields left out, struct-typed ones (times, last_run) never, maps sorted, &lt; &gt; &amp; escaped, []byte in base64,
/// floats as Go prints them.
/// </summary>
internal static class HelmReleaseFixture
{
    public const string Json =
        "{\"name\":\"web\"," +
        "\"info\":{\"first_deployed\":\"2024-05-01T10:20:30.123456789+02:00\",\"last_deployed\":\"2024-06-02T08:00:01.5Z\",\"deleted\":\"\"," +
        "\"description\":\"Upgrade complete\",\"status\":\"deployed\",\"notes\":\"Open \\u003chttp://web.local\\u003e \\u0026 log in\"}," +
        "\"chart\":{\"metadata\":{\"name\":\"web\",\"home\":\"https://example.com\",\"sources\":[\"https://github.com/example/web\"],\"version\":\"1.2.3\"," +
        "\"description\":\"A web app\",\"keywords\":[\"web\",\"demo\"],\"maintainers\":[{\"name\":\"Ops\",\"email\":\"ops@example.com\"}]," +
        "\"icon\":\"https://example.com/icon.png\",\"apiVersion\":\"v2\",\"appVersion\":\"2.0\",\"deprecated\":true," +
        "\"annotations\":{\"a.example.com/x\":\"1\",\"b\":\"two\"},\"kubeVersion\":\"\\u003e=1.25.0-0\"," +
        "\"dependencies\":[{\"name\":\"db\",\"version\":\"~1.0\",\"repository\":\"https://charts.example.com\",\"condition\":\"db.enabled\"," +
        "\"tags\":[\"backend\"],\"enabled\":true,\"import-values\":[\"data\",{\"child\":\"exports.x\",\"parent\":\"x\"}],\"alias\":\"database\"}]," +
        "\"type\":\"application\"}," +
        "\"lock\":{\"generated\":\"2024-04-30T08:00:00.25+01:00\",\"digest\":\"sha256:abc\"," +
        "\"dependencies\":[{\"name\":\"db\",\"version\":\"1.0.4\",\"repository\":\"https://charts.example.com\"}]}," +
        "\"templates\":[{\"name\":\"templates/cm.yaml\",\"data\":\"YXBpVmVyc2lvbjogdjEKa2luZDogQ29uZmlnTWFwCm1ldGFkYXRhOgogIG5hbWU6IHt7IC5SZWxlYXNlLk5hbWUgfX0K\"}]," +
        "\"values\":{\"huge\":1e+21,\"image\":{\"repository\":\"nginx\",\"tag\":\"1.25\"},\"ports\":[80,443],\"ratio\":0.5,\"replicaCount\":1,\"tiny\":1e-7}," +
        "\"schema\":\"eyJ0eXBlIjoib2JqZWN0In0=\"," +
        "\"files\":[{\"name\":\"README.md\",\"data\":\"IyBXZWIgPGFwcD4gJiBtb3JlCg==\"},{\"name\":\"empty.txt\",\"data\":\"\"}]}," +
        "\"config\":{\"image\":{\"tag\":\"1.26\"},\"replicaCount\":3}," +
        "\"manifest\":\"---\\n# Source: web/templates/cm.yaml\\napiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: web\\n\"," +
        "\"hooks\":[{\"name\":\"web-test\",\"kind\":\"Pod\",\"path\":\"web/templates/tests/test.yaml\",\"manifest\":\"apiVersion: v1\\nkind: Pod\\n\"," +
        "\"events\":[\"test\"],\"last_run\":{\"started_at\":\"2024-06-02T08:01:00.000000001Z\",\"completed_at\":\"2024-06-02T08:01:05Z\",\"phase\":\"Succeeded\"}," +
        "\"weight\":-5,\"delete_policies\":[\"before-hook-creation\",\"hook-succeeded\"],\"output_log_policies\":[\"hook-failed\"]}," +
        "{\"name\":\"web-migrate\",\"kind\":\"Job\",\"path\":\"web/templates/migrate.yaml\",\"manifest\":\"kind: Job\\n\"," +
        "\"events\":[\"pre-install\",\"pre-upgrade\"],\"last_run\":{\"started_at\":\"\",\"completed_at\":\"\",\"phase\":\"\"}}]," +
        "\"version\":2,\"namespace\":\"apps\"}";

    /// <summary>The fixture as Helm's encodeRelease leaves it: gzipped, in base64.</summary>
    public static string Encoded() => Convert.ToBase64String(Gzip(Encoding.UTF8.GetBytes(Json)));

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var result = new MemoryStream();
        gzip.CopyTo(result);
        return result.ToArray();
    }
}
