using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sveltos.Infrastructure;

/// <summary>A JSON tree as PowerShell shows ConvertFrom-Json output: PSCustomObjects, object[] and plain values.</summary>
internal static class JsonToPowerShell
{
    public static object? Convert(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => ToObject(obj),
        JsonArray array => array.Select(Convert).ToArray(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var l) ? l : value.GetValue<double>(),
            _ => value.ToString(),
        },
        _ => node.ToJsonString(),
    };

    private static PSObject ToObject(JsonObject obj)
    {
        var result = new PSObject();
        foreach (var (name, value) in obj)
        {
            result.Properties.Add(new PSNoteProperty(name, Convert(value)));
        }

        return result;
    }
}
