using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sveltos.Engine.Scripting;

/// <summary>
/// Writes JSON data as Lua source (a table constructor), so data enters a sandbox by being parsed there, in
/// Lua's protected mode, rather than pushed through the C API from managed code where an allocation failure
/// would abort the process. Objects become tables with string keys, arrays 1-based sequences, null nil.
/// </summary>
internal static class LuaLiteral
{
    public static string Of(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    public static void Append(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("nil");
                break;
            case JsonObject obj:
                text.Append('{');
                foreach (var (key, value) in obj)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    text.Append('[');
                    AppendString(text, key);
                    text.Append("]=");
                    Append(text, value);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('{');
                foreach (var item in array)
                {
                    Append(text, item);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonValue value:
                AppendScalar(text, value);
                break;
        }
    }

    private static void AppendScalar(StringBuilder text, JsonValue value)
    {
        // Values parsed from the API server wrap a JsonElement, which reads without conversions.
        if (value.TryGetValue<JsonElement>(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    AppendString(text, element.GetString()!);
                    return;
                case JsonValueKind.Number:
                    AppendNumber(text, element.GetRawText());
                    return;
            }
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                AppendString(text, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Number:
                AppendNumber(text, value.ToJsonString());
                break;
            default:
                text.Append("nil");
                break;
        }
    }

    private static void AppendNumber(StringBuilder text, string json)
    {
        if (long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            // Lua reads -9223372036854775808 as the negation of a float; the name keeps it an integer.
            text.Append(integer == long.MinValue ? "math.mininteger" : json);
            return;
        }

        AppendFloat(text, double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static void AppendFloat(StringBuilder text, double number)
    {
        if (double.IsInfinity(number))
        {
            text.Append(number > 0 ? "math.huge" : "-math.huge");
            return;
        }

        var digits = number.ToString("R", CultureInfo.InvariantCulture);
        text.Append(digits);

        // 3.0 must stay a float in Lua, as it was in the JSON.
        if (!digits.Contains('.') && !digits.Contains('E') && !digits.Contains('e'))
        {
            text.Append(".0");
        }
    }

    /// <summary>A double-quoted Lua string; control bytes and quotes escaped, other UTF-8 kept as it is.</summary>
    public static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < ' ' or '\x7f':
                    text.Append('\\').Append(((int)c).ToString("D3", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
