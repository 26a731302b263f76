using System.Globalization;
using Sveltos.Engine.Templates.Go;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// Turns a YAML tree into the Go template value model the way sigs.k8s.io/yaml does for Helm (YAML → JSON → Go):
/// every number becomes a double (JSON numbers decode to float64), mapping keys become strings, timestamps stay text.
/// </summary>
internal static class ValuesYamlConverter
{
    public static object? ToValue(YamlNode node) => node switch
    {
        YamlMapping map => ToMap(map),
        YamlSequence list => list.Items.Select(ToValue).ToList(),
        YamlScalar scalar => ScalarValue(scalar),
        _ => null,
    };

    public static Dictionary<string, object?> ToMap(YamlMapping mapping)
    {
        var map = new Dictionary<string, object?>(mapping.Count, StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            map[KeyText(key)] = ToValue(value);
        }

        return map;
    }

    private static object? ScalarValue(YamlScalar scalar) => scalar.Value switch
    {
        long l => (double)l,
        double d when !double.IsFinite(d) => throw new FormatException($"line {scalar.Line}: {GoValues.FormatFloat(d)} cannot be represented in JSON (json: unsupported value: {GoValues.FormatFloat(d)})"),
        var other => other,
    };

    /// <summary>sigs.k8s.io/yaml writes non-string keys as their text: 1 → "1", true → "true", 1.5 → "1.5".</summary>
    private static string KeyText(YamlScalar key) => key.Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoValues.FormatFloat(d),
        _ => key.Text,
    };
}
