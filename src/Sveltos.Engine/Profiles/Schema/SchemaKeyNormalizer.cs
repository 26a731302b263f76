using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles.Schema;

/// <summary>
/// Turns a tree typed by a person (e.g. from a PowerShell hashtable) into API form: field names matched in any
/// letter case and written as the API spells them, enum values likewise; unknown fields are reported by name and
/// dropped. Fields are written in the API's order, since dictionaries such as hashtables have none worth keeping.
/// Shapes and values are left for <see cref="SchemaValidator"/> to judge.
/// </summary>
internal static class SchemaKeyNormalizer
{
    public static YamlNode Normalize(YamlNode node, ObjectSchema schema, string path, List<FieldProblem> problems)
    {
        if (node is not YamlMapping mapping)
        {
            return node;
        }

        var given = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            var fieldPath = SchemaValidator.Join(path, key.Text);
            if (schema.FindIgnoringCase(key.Text) is not { } field)
            {
                problems.Add(new(ProfileErrorIds.UnknownProfileField, fieldPath, UnknownField.Message(key.Text, schema, key), key));
                continue;
            }

            if (given.ContainsKey(field.Name))
            {
                problems.Add(new(ProfileErrorIds.InvalidProfileField, SchemaValidator.Join(path, field.Name), $"'{field.Name}' is given more than once", key));
                continue;
            }

            given[field.Name] = NormalizeValue(value, field, SchemaValidator.Join(path, field.Name), problems);
        }

        var result = new YamlMapping();
        foreach (var field in schema.Fields.Where(f => given.ContainsKey(f.Name)))
        {
            result.Set(field.Name, given[field.Name]);
        }

        return result;
    }

    private static YamlNode NormalizeValue(YamlNode value, SchemaField field, string path, List<FieldProblem> problems) => field switch
    {
        { Kind: FieldKind.Object } => Normalize(value, field.Item!, path, problems),
        { Kind: FieldKind.ObjectList } when value is YamlSequence list =>
            new YamlSequence(list.Items.Select((item, i) => Normalize(item, field.Item!, $"{path}[{i}]", problems))),
        { Allowed: { } allowed } when value is YamlScalar { Value: string text } =>
            allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } canonical ? YamlScalar.String(canonical) : value,
        _ => value,
    };
}
