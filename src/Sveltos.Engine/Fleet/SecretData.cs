using System.Text;
using System.Text.Json.Nodes;

namespace Sveltos.Engine.Fleet;

/// <summary>Reads a Secret's values: base64 <c>data</c>, with <c>stringData</c> (fleet files) taking precedence.</summary>
public static class SecretData
{
    public static IReadOnlyDictionary<string, string> Decode(JsonObject secret)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (secret["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                if (value?.GetValue<string>() is { } encoded)
                {
                    values[key] = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                }
            }
        }

        if (secret["stringData"] is JsonObject stringData)
        {
            foreach (var (key, value) in stringData)
            {
                values[key] = value?.GetValue<string>() ?? "";
            }
        }

        return values;
    }
}
