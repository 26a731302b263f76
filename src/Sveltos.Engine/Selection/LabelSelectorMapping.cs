using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Selection;

/// <summary>A problem found in a selector mapping; <see cref="Path"/> is relative to the mapping.</summary>
internal sealed record SelectorMappingProblem(string Path, string Message, YamlNode? At)
{
    /// <summary>For an unknown field (<see cref="At"/> is its key): the fields valid where it was found.</summary>
    public IReadOnlyList<string>? ValidFields { get; init; }
}

/// <summary>
/// Reads and writes the matchLabels/matchExpressions form of a selector (Kubernetes metav1.LabelSelector).
/// The strict form is for documents; the lenient one is for dictionaries typed by people (any key letter case,
/// operator names in any case, numbers and booleans taken as label values).
/// </summary>
internal static class LabelSelectorMapping
{
    private const string MatchLabels = "matchLabels";
    private const string MatchExpressions = "matchExpressions";
    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    public static LabelSelector? Read(YamlNode node, List<SelectorMappingProblem> problems, bool lenient = false)
    {
        if (node is not YamlMapping mapping)
        {
            problems.Add(new("", $"expected a mapping with matchLabels and/or matchExpressions, got {node.Describe()}", node));
            return null;
        }

        var before = problems.Count;
        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in mapping.Entries)
        {
            var field = Canonical(key.Text, [MatchLabels, MatchExpressions], lenient);
            switch (field)
            {
                case MatchLabels:
                    ReadMatchLabels(value, requirements, problems, lenient);
                    break;
                case MatchExpressions:
                    ReadMatchExpressions(value, requirements, problems, lenient);
                    break;
                default:
                    problems.Add(new(key.Text, $"unknown field '{key.Text}' (a selector has matchLabels and matchExpressions)", key) { ValidFields = [MatchLabels, MatchExpressions] });
                    break;
            }
        }

        return problems.Count == before ? LabelSelector.FromRequirements(requirements) : null;
    }

    public static LabelSelector FromDictionary(IDictionary<string, object?> dictionary)
    {
        var isSelectorMapping = dictionary.Count > 0 && dictionary.Keys.All(k =>
            k.Equals(MatchLabels, StringComparison.OrdinalIgnoreCase) || k.Equals(MatchExpressions, StringComparison.OrdinalIgnoreCase));
        object wrapped = isSelectorMapping ? dictionary : new Dictionary<string, object?> { [MatchLabels] = dictionary };
        YamlNode tree;
        try
        {
            tree = ObjectTreeConverter.FromObject(wrapped);
        }
        catch (ArgumentException e)
        {
            throw new SelectorParseException(null, null, null, e.Message);
        }

        return ReadOrThrow(tree, lenient: true);
    }

    public static LabelSelector FromText(string text)
    {
        var documents = YamlDocumentReader.Read(text).Where(d => !d.IsEmpty).ToList();
        return documents switch
        {
            [] => LabelSelector.Everything,
            [{ Error: { } error }, ..] => throw new SelectorParseException(null, null, null, $"not valid YAML or JSON: {error.Message} (line {error.Line}, column {error.Column})"),
            [var single] => ReadOrThrow(single.Root!, lenient: false),
            _ => throw new SelectorParseException(null, null, null, "expected a single mapping, got several YAML documents"),
        };
    }

    /// <summary>The mapping written for a selector: matchLabels first, then matchExpressions; empty parts are left out.</summary>
    public static YamlMapping ToMapping(LabelSelector selector)
    {
        var fields = selector.ToMatchFields();
        var mapping = new YamlMapping();
        if (fields.MatchLabels.Count > 0)
        {
            var labels = new YamlMapping();
            foreach (var (key, value) in fields.MatchLabels)
            {
                labels.Set(key, YamlScalar.String(value));
            }

            mapping.Set(MatchLabels, labels);
        }

        if (fields.MatchExpressions.Count > 0)
        {
            mapping.Set(MatchExpressions, new YamlSequence(fields.MatchExpressions.Select(ToExpression)));
        }

        return mapping;
    }

    private static YamlMapping ToExpression(LabelRequirement requirement)
    {
        var expression = new YamlMapping();
        expression.Set("key", YamlScalar.String(requirement.Key));
        expression.Set("operator", YamlScalar.String(requirement.Operator.ToString()));
        if (requirement.Values.Count > 0)
        {
            expression.Set("values", new YamlSequence(requirement.Values.Select(YamlScalar.String)));
        }

        return expression;
    }

    private static LabelSelector ReadOrThrow(YamlNode tree, bool lenient)
    {
        var problems = new List<SelectorMappingProblem>();
        var selector = Read(tree, problems, lenient);
        return selector ?? throw new SelectorParseException(null, null, problems[0].Path, problems[0].Message);
    }

    private static void ReadMatchLabels(YamlNode node, List<LabelRequirement> requirements, List<SelectorMappingProblem> problems, bool lenient)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        if (node is not YamlMapping labels)
        {
            problems.Add(new(MatchLabels, $"expected a mapping of label names to values, got {node.Describe()}", node));
            return;
        }

        foreach (var (key, value) in labels.Entries)
        {
            var path = $"{MatchLabels}.{key.Text}";
            var text = ScalarText(value, lenient);
            if (text is null)
            {
                problems.Add(new(path, $"expected a string label value, got {value.Describe()}", value));
                continue;
            }

            var problem = LabelRequirement.TryCreate(key.Text, SelectorOperator.Equal, [text], out var requirement);
            if (problem is null)
            {
                requirements.Add(requirement!);
            }
            else
            {
                problems.Add(new(path, problem, key));
            }
        }
    }

    private static void ReadMatchExpressions(YamlNode node, List<LabelRequirement> requirements, List<SelectorMappingProblem> problems, bool lenient)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        if (node is not YamlSequence expressions)
        {
            problems.Add(new(MatchExpressions, $"expected a list of expressions, got {node.Describe()}", node));
            return;
        }

        for (var i = 0; i < expressions.Items.Count; i++)
        {
            var requirement = ReadExpression(expressions.Items[i], $"{MatchExpressions}[{i}]", problems, lenient);
            if (requirement is not null)
            {
                requirements.Add(requirement);
            }
        }
    }

    private static LabelRequirement? ReadExpression(YamlNode node, string path, List<SelectorMappingProblem> problems, bool lenient)
    {
        if (node is not YamlMapping expression)
        {
            problems.Add(new(path, $"expected a mapping with key, operator and values, got {node.Describe()}", node));
            return null;
        }

        string? key = null;
        string? op = null;
        List<string>? values = null;
        var before = problems.Count;
        foreach (var (name, value) in expression.Entries)
        {
            var field = Canonical(name.Text, ["key", "operator", "values"], lenient);
            var fieldPath = $"{path}.{name.Text}";
            switch (field)
            {
                case "key":
                    key = ScalarText(value, lenient: false) ?? Report(problems, fieldPath, $"expected a string, got {value.Describe()}", value);
                    break;
                case "operator":
                    op = ReadOperator(value, fieldPath, problems, lenient);
                    break;
                case "values":
                    values = ReadValues(value, fieldPath, problems, lenient);
                    break;
                default:
                    problems.Add(new(fieldPath, $"unknown field '{name.Text}' (an expression has key, operator and values)", name) { ValidFields = ["key", "operator", "values"] });
                    break;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        if (key is null || op is null)
        {
            var missing = key is null ? "key" : "operator";
            problems.Add(new($"{path}.{missing}", "required field is missing", expression));
            return null;
        }

        var problem = LabelRequirement.TryCreate(key, Enum.Parse<SelectorOperator>(op), values ?? [], out var requirement);
        if (problem is not null)
        {
            problems.Add(new(path, problem, expression));
        }

        return requirement;
    }

    private static string? ReadOperator(YamlNode value, string path, List<SelectorMappingProblem> problems, bool lenient)
    {
        var text = ScalarText(value, lenient: false);
        var match = text is null ? null : Operators.FirstOrDefault(o => string.Equals(o, text, lenient ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        return match ?? Report(problems, path, $"'{text ?? value.Describe()}' is not one of {string.Join(", ", Operators)}", value);
    }

    private static List<string>? ReadValues(YamlNode node, string path, List<SelectorMappingProblem> problems, bool lenient)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence list)
        {
            problems.Add(new(path, $"expected a list of strings, got {node.Describe()}", node));
            return null;
        }

        var values = new List<string>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var text = ScalarText(list.Items[i], lenient);
            if (text is null)
            {
                problems.Add(new($"{path}[{i}]", $"expected a string, got {list.Items[i].Describe()}", list.Items[i]));
            }
            else
            {
                values.Add(text);
            }
        }

        return values;
    }

    private static string? ScalarText(YamlNode node, bool lenient) => node switch
    {
        YamlScalar { Value: string s } => s,
        YamlScalar { IsNull: false } scalar when lenient => scalar.Text,
        _ => null,
    };

    private static string? Canonical(string name, string[] fields, bool lenient) =>
        fields.FirstOrDefault(f => string.Equals(f, name, lenient ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    private static string? Report(List<SelectorMappingProblem> problems, string path, string message, YamlNode at)
    {
        problems.Add(new(path, message, at));
        return null;
    }
}
