using System.Text;
using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Api;

/// <summary>The opaque continue token of paged lists: the resourceVersion of the first page and the last key returned.</summary>
internal static class ContinueToken
{
    public static string Encode(long resourceVersion, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["rv"] = resourceVersion, ["start"] = lastKey }.ToJsonString()))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (long ResourceVersion, string LastKey) Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - base64.Length % 4) % 4), '=');
            var obj = JsonTree.ParseObject(Convert.FromBase64String(base64));
            return (obj.GetInt64("rv") ?? 0, obj.GetString("start") ?? throw new FormatException());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw ApiException.BadRequest("continue key is not valid: " + token);
        }
    }
}
