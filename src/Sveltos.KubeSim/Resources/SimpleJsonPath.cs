using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sveltos.KubeSim.Resources;

/// <summary>The JSONPath subset CRD printer columns use: .a.b, [n], and [?(@.key=="value")].</summary>
internal static partial class SimpleJsonPath
{
    public static JsonNode? Evaluate(JsonNode? root, string path)
    {
        var current = root;
        foreach (Match step in Step().Matches(path))
        {
            if (current is null)
            {
                return null;
            }
            if (step.Groups["field"].Success)
            {
                current = (current as JsonObject)?[step.Groups["field"].Value];
            }
            else if (step.Groups["index"].Success)
            {
                var array = current as JsonArray;
                var index = int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                current = array is not null && index < array.Count ? array[index] : null;
            }
            else
            {
                var key = step.Groups["key"].Value;
                var value = step.Groups["value"].Value;
                current = (current as JsonArray)?.OfType<JsonObject>()
                    .FirstOrDefault(item => item[key] is JsonValue v && v.ToString() == value);
            }
        }
        return current;
    }

    [GeneratedRegex("""\.(?<field>[A-Za-z0-9_\-]+)|\[(?<index>[0-9]+)\]|\[\?\(@\.(?<key>[A-Za-z0-9_\-]+)\s*==\s*["'](?<value>[^"']*)["']\)\]""")]
    private static partial Regex Step();
}
