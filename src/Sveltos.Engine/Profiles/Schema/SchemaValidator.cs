using System.Text.RegularExpressions;
using Sveltos.Engine.Selection;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles.Schema;

/// <summary>
/// Checks a tree against an <see cref="ObjectSchema"/> the way the API server checks the CRD's OpenAPI schema with
/// strict field validation, collecting every problem. An unknown field at any depth is a problem: a misspelled field
/// would otherwise be silently ignored and deploy nothing. Null means "not set".
/// </summary>
internal sealed partial class SchemaValidator
{
    public List<FieldProblem> Problems { get; } = [];

    /// <summary>False for a tree read from a copy of its source (e.g. re-read from a pipeline object): messages then give no line.</summary>
    public bool PositionsKnown { get; init; } = true;

    public static string Join(string path, string name) => path.Length == 0 ? name : name.Length == 0 ? path : $"{path}.{name}";

    public void ValidateObject(YamlMapping mapping, ObjectSchema schema, string path)
    {
        foreach (var (key, value) in mapping.Entries)
        {
            if (schema.Find(key.Text) is { } field)
            {
                ValidateValue(value, field, Join(path, field.Name));
            }
            else
            {
                Report(ProfileErrorIds.UnknownProfileField, Join(path, key.Text), UnknownField.Message(key.Text, schema, PositionsKnown ? key : null), key);
            }
        }

        foreach (var field in schema.Fields.Where(f => f.Required))
        {
            if (mapping.Get(field.Name) is null or YamlScalar { IsNull: true })
            {
                Report(ProfileErrorIds.MissingProfileField, Join(path, field.Name), "required field is missing", mapping);
            }
        }
    }

    public void ValidateValue(YamlNode node, SchemaField field, string path)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        switch (field.Kind)
        {
            case FieldKind.String:
                if (ExpectString(node, path) is { } text)
                {
                    CheckString(text, field, path, node);
                }

                break;
            case FieldKind.Boolean when node is not YamlScalar { Value: bool }:
                Invalid(path, $"expected true or false, got {node.Describe()}", node);
                break;
            case FieldKind.Integer:
                CheckInteger(node, field, path);
                break;
            case FieldKind.IntOrPercent:
                CheckIntOrPercent(node, path);
                break;
            case FieldKind.Duration:
                if (ExpectString(node, path) is { } duration && !GoDuration().IsMatch(duration))
                {
                    Invalid(path, $"'{duration}' is not a duration such as 90s, 5m or 1h30m", node);
                }

                break;
            case FieldKind.StringMap:
                CheckStringMap(node, field, path);
                break;
            case FieldKind.StringList:
                CheckStringList(node, field, path);
                break;
            case FieldKind.Object when node is YamlMapping mapping:
                ValidateObject(mapping, field.Item!, path);
                break;
            case FieldKind.Object:
                Invalid(path, $"expected a mapping, got {node.Describe()}", node);
                break;
            case FieldKind.ObjectList:
                CheckObjectList(node, field, path);
                break;
            case FieldKind.LabelSelector:
                CheckSelectorMapping(node, path);
                break;
            case FieldKind.SelectorString:
                if (ExpectString(node, path) is { } selector && !LabelSelector.TryParse(selector, out _, out var error))
                {
                    Report(ProfileErrorIds.InvalidSelector, path, error!.Message, node);
                }

                break;
        }
    }

    private string? ExpectString(YamlNode node, string path)
    {
        if (node is YamlScalar { Value: string text })
        {
            return text;
        }

        var hint = node is YamlScalar { IsPlain: true } scalar ? $" (quote it to keep it a string: '{scalar.Text}')" : "";
        Invalid(path, $"expected a string, got {node.Describe()}{hint}", node);
        return null;
    }

    private void CheckString(string text, SchemaField field, string path, YamlNode node)
    {
        if (field.Allowed is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Invalid(path, $"'{text}' is not one of {string.Join(", ", allowed)}", node);
        }
        else if (field.NotEmpty && text.Length == 0)
        {
            Invalid(path, "must not be empty", node);
        }
        else if (field.MaxLength is { } max && text.Length > max)
        {
            Invalid(path, $"'{text}' is longer than {max} characters", node);
        }
        else if (field.Check?.Invoke(text) is { } problem)
        {
            Invalid(path, Quote(text, problem), node);
        }
    }

    private void CheckInteger(YamlNode node, SchemaField field, string path)
    {
        if (node is not YamlScalar { Value: long number })
        {
            Invalid(path, $"expected an integer, got {node.Describe()}", node);
        }
        else if (number < field.Minimum)
        {
            Invalid(path, $"must be at least {field.Minimum}, got {number}", node);
        }
        else if (number > field.Maximum)
        {
            Invalid(path, $"must be at most {field.Maximum}, got {number}", node);
        }
    }

    private void CheckIntOrPercent(YamlNode node, string path)
    {
        var valid = node switch
        {
            YamlScalar { Value: long count } => count is >= 0 and <= int.MaxValue,
            YamlScalar { Value: string text } => MaxUpdate.TryParse(text, out _),
            _ => false,
        };
        if (!valid)
        {
            var shown = node is YamlScalar scalar ? $"'{scalar.Text}'" : node.Describe();
            Invalid(path, $"{shown} is not a count or a percentage such as 5 or 30%", node);
        }
    }

    private void CheckStringMap(YamlNode node, SchemaField field, string path)
    {
        if (node is not YamlMapping mapping)
        {
            Invalid(path, $"expected a mapping of strings, got {node.Describe()}", node);
            return;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            var entryPath = Join(path, key.Text);
            if (field.Check?.Invoke(key.Text) is { } problem)
            {
                Invalid(entryPath, Quote(key.Text, problem), key);
            }

            if (value is not YamlScalar { IsNull: true })
            {
                ExpectString(value, entryPath);
            }
        }
    }

    private void CheckStringList(YamlNode node, SchemaField field, string path)
    {
        if (node is not YamlSequence list)
        {
            Invalid(path, $"expected a list of strings, got {node.Describe()}", node);
            return;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (ExpectString(list.Items[i], itemPath) is { } text && field.Check?.Invoke(text) is { } problem)
            {
                Invalid(itemPath, Quote(text, problem), list.Items[i]);
            }
        }
    }

    private void CheckObjectList(YamlNode node, SchemaField field, string path)
    {
        if (node is not YamlSequence list)
        {
            Invalid(path, $"expected a list, got {node.Describe()}", node);
            return;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is YamlMapping item)
            {
                ValidateObject(item, field.Item!, $"{path}[{i}]");
            }
            else
            {
                Invalid($"{path}[{i}]", $"expected a mapping, got {list.Items[i].Describe()}", list.Items[i]);
            }
        }
    }

    private void CheckSelectorMapping(YamlNode node, string path)
    {
        var problems = new List<SelectorMappingProblem>();
        LabelSelectorMapping.Read(node, problems);
        foreach (var problem in problems)
        {
            if (problem is { ValidFields: { } valid, At: YamlScalar key })
            {
                Report(ProfileErrorIds.UnknownProfileField, Join(path, problem.Path), UnknownField.Message(key.Text, valid, string.Join(", ", valid), PositionsKnown ? key : null), key);
            }
            else
            {
                Report(ProfileErrorIds.InvalidSelector, Join(path, problem.Path), problem.Message, problem.At ?? node);
            }
        }
    }

    // Rules phrased as "must ..." read better after the offending value.
    private static string Quote(string value, string problem) =>
        problem.StartsWith("must", StringComparison.Ordinal) ? $"'{value}' {problem}" : problem;

    private void Invalid(string path, string message, YamlNode at) => Report(ProfileErrorIds.InvalidProfileField, path, message, at);

    private void Report(string errorId, string path, string message, YamlNode at) => Problems.Add(new(errorId, path, message, at));

    [GeneratedRegex("^(0|([0-9]+(\\.[0-9]*)?(ns|us|µs|ms|s|m|h))+)$")]
    private static partial Regex GoDuration();
}
