using System.Text;
using System.Text.Json.Nodes;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Api;

/// <summary>Conversions the API server makes on every write, whatever the verb.</summary>
internal static class WriteConversions
{
    public static void Apply(ResourceType type, JsonObject obj)
    {
        // A Secret's stringData is write-only: its values are merged into data, base64-encoded, and it is never stored.
        if (type.Group.Length == 0 && type.Kind == "Secret" && obj["stringData"] is JsonObject stringData)
        {
            var data = obj["data"] as JsonObject ?? new JsonObject();
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
            }

            obj["data"] = data;
            obj.Remove("stringData");
        }
    }
}
