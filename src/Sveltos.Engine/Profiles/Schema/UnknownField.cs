using Sveltos.Engine.Text;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles.Schema;

/// <summary>The one wording of an unknown-field problem: the field, where it is, the likely intended field and the valid ones.</summary>
internal static class UnknownField
{
    public static string Message(string name, ObjectSchema schema, YamlNode? at) =>
        Message(name, schema.Fields.Select(f => f.Name), schema.FieldNames, at);

    public static string Message(string name, IEnumerable<string> candidates, string validFields, YamlNode? at)
    {
        var position = at is { Line: > 0 } ? $" at line {at.Line}, column {at.Column}" : "";
        var suggestion = Spelling.Closest(name, candidates) is { } meant ? $"; did you mean '{meant}'?" : "";
        return $"unknown field '{name}'{position}{suggestion} (valid fields: {validFields})";
    }
}
