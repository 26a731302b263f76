using System.Globalization;
using Sveltos.Engine.Helm.Values;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// Reads the fields of one YAML mapping the way Helm reads Chart.yaml, requirements.yaml and Chart.lock into Go structs
/// through sigs.k8s.io/yaml (YAML → JSON → encoding/json): keys match field names exactly or else case-insensitively,
/// unknown keys are ignored, null leaves a field empty, and a value of the wrong JSON type is an error (an unquoted
/// <c>version: 1.0</c> is a number, not a string). Errors name the file and the line.
/// </summary>
internal sealed class ChartYamlFields(YamlMapping mapping, string sourceName, string chartName, string structName)
{
    public string? String(string field) => Value(field) switch
    {
        null => null,
        (YamlScalar s, _) when s.IsNull => null,
        (YamlScalar s, _) when s.Value is string text => text,
        var (node, key) => throw WrongType(key, node, "string"),
    };

    public bool Bool(string field) => Value(field) switch
    {
        null => false,
        (YamlScalar s, _) when s.IsNull => false,
        (YamlScalar s, _) when s.Value is bool b => b,
        var (node, key) => throw WrongType(key, node, "bool"),
    };

    public IReadOnlyList<string> Strings(string field)
    {
        switch (Present(field))
        {
            case null:
                return [];
            case (YamlSequence list, var key):
                return list.Items.Select(item => item switch
                {
                    YamlScalar n when n.IsNull => "",
                    YamlScalar n when n.Value is string text => text,
                    _ => throw WrongType(key, item, "string"),
                }).ToList();
            case var (node, key):
                throw WrongType(key, node, "[]string");
        }
    }

    public IReadOnlyDictionary<string, string> StringMap(string field)
    {
        switch (Present(field))
        {
            case null:
                return new Dictionary<string, string>(StringComparer.Ordinal);
            case (YamlMapping map, var key):
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (k, v) in map.Entries)
                {
                    result[KeyText(k)] = v switch
                    {
                        YamlScalar n when n.IsNull => "",
                        YamlScalar n when n.Value is string text => text,
                        _ => throw WrongType(key, v, "string"),
                    };
                }

                return result;
            case var (node, key):
                throw WrongType(key, node, "map[string]string");
        }
    }

    /// <summary>The items of a list of mappings; a null item is reported with <paramref name="nullItemMessage"/>, as Helm's Validate does.</summary>
    public IReadOnlyList<ChartYamlFields> Mappings(string field, string itemStruct, string nullItemMessage)
    {
        switch (Present(field))
        {
            case null:
                return [];
            case (YamlSequence list, var key):
                return list.Items.Select(item => item switch
                {
                    YamlMapping m => new ChartYamlFields(m, sourceName, chartName, itemStruct),
                    YamlScalar n when n.IsNull => throw Invalid(item.Line, nullItemMessage),
                    _ => throw WrongType(key, item, itemStruct),
                }).ToList();
            case var (node, key):
                throw WrongType(key, node, "[]" + itemStruct);
        }
    }

    /// <summary>A field kept as plain values (import-values: strings or child/parent mappings).</summary>
    public IReadOnlyList<object?> Values(string field)
    {
        switch (Present(field))
        {
            case null:
                return [];
            case (YamlSequence list, _):
                return list.Items.Select(ValuesYamlConverter.ToValue).ToList();
            case var (node, key):
                throw WrongType(key, node, "[]interface {}");
        }
    }

    public bool Has(string field) => Value(field) is not null;

    /// <summary>The field's node, null when it is absent or null (encoding/json leaves the field empty then).</summary>
    private (YamlNode Node, string Key)? Present(string field) => Value(field) is { Node: YamlScalar { IsNull: true } } ? null : Value(field);

    public int LineOf(string field) => Value(field)?.Node.Line ?? mapping.Line;

    public int Line => mapping.Line;

    public HelmException Invalid(int line, string message) =>
        new(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData, $"chart '{chartName}': {sourceName} line {line}: {message}", chartName, sourceName, line);

    private (YamlNode Node, string Key)? Value(string field)
    {
        foreach (var (key, value) in mapping.Entries)
        {
            if (KeyText(key) == field)
            {
                return (value, field);
            }
        }

        // encoding/json falls back to a case-insensitive match of the field name.
        foreach (var (key, value) in mapping.Entries)
        {
            if (string.Equals(KeyText(key), field, StringComparison.OrdinalIgnoreCase))
            {
                return (value, field);
            }
        }

        return null;
    }

    private static string KeyText(YamlScalar key) => key.Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Templates.Go.GoValues.FormatFloat(d),
        _ => key.Text,
    };

    private HelmException WrongType(string field, YamlNode node, string goType)
    {
        var found = node switch
        {
            YamlMapping => "a mapping",
            YamlSequence => "a list",
            YamlScalar { Value: bool } s => $"the boolean {s.Text}",
            YamlScalar { Value: long or double } s => $"the number {s.Text}",
            YamlScalar s => $"the string '{s.Text}'",
            _ => "a value",
        };
        var hint = goType == "string" && node is YamlScalar { Value: long or double or bool } ? " (quote it)" : "";
        return Invalid(node.Line, $"'{field}' must be of type {goType}, not {found}{hint}; Helm: cannot unmarshal into Go struct field {structName}.{field}");
    }
}
