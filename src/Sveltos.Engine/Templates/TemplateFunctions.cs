using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Sveltos.Engine.Templates;

/// <summary>
/// The functions templates get on top of Scriban's builtins: the Sveltos resource functions (get_resource, copy,
/// get/set/remove_field and their chain_ forms), YAML/JSON conversion, default/required, and the string helpers
/// Kubernetes templates need that Scriban lacks. Names are snake_case, Scriban's convention.
/// </summary>
internal static class TemplateFunctions
{
    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonDocumentOptions JsonInput = new() { MaxDepth = ScriptValues.MaxDepth };

    public static void Register(ScriptObject functions)
    {
        functions.Import("get_resource", new Func<TemplateContext, SourceSpan, string, object?>(GetResource));
        functions.Import("copy", new Func<TemplateContext, SourceSpan, string, string>(Copy));
        functions.Import("get_field", new Func<TemplateContext, SourceSpan, object?, object?, object?[], object?>(GetField));
        functions.Import("set_field", new Func<TemplateContext, SourceSpan, object?, object?, object?, string>(SetField));
        functions.Import("remove_field", new Func<TemplateContext, SourceSpan, object?, object?, string>(RemoveField));
        functions.Import("chain_set_field", new Func<TemplateContext, SourceSpan, object?, object?, object?, object?>(ChainSetField));
        functions.Import("chain_remove_field", new Func<TemplateContext, SourceSpan, object?, object?, object?>(ChainRemoveField));
        functions.Import("to_yaml", new Func<TemplateContext, SourceSpan, object?, string>(ToYaml));
        functions.Import("from_yaml", new Func<TemplateContext, SourceSpan, string?, object?>(FromYaml));
        functions.Import("from_yaml_array", new Func<TemplateContext, SourceSpan, string?, object?>(FromYamlArray));
        functions.Import("to_json", new Func<TemplateContext, SourceSpan, object?, string>(ToJson));
        functions.Import("from_json", new Func<TemplateContext, SourceSpan, string?, object?>(FromJson));
        functions.Import("from_json_array", new Func<TemplateContext, SourceSpan, string?, object?>(FromJsonArray));
        functions.Import("default", new Func<object?, object?, object?>(Default));
        functions.Import("required", new Func<TemplateContext, SourceSpan, object?, string?, object?>(Required));
        functions.Import("indent", new Func<TemplateContext, SourceSpan, string?, int, string>(Indent));
        functions.Import("nindent", new Func<TemplateContext, SourceSpan, string?, int, string>(NIndent));
        functions.Import("quote", new Func<TemplateContext, object?, string>(Quote));
        functions.Import("squote", new Func<TemplateContext, object?, string>(SQuote));
        functions.Import("dict", new Func<TemplateContext, SourceSpan, object?[], ScriptObject>(Dict));

        // Names a template might use to reach outside its data: they exist only to say why they fail.
        functions.Remove("include");
        functions.Remove("include_join");
        functions.Import("include", new Func<TemplateContext, SourceSpan, object?[], object?>((_, span, _) => throw Forbidden(span, "templates cannot read files or other templates (include)")));
        functions.Import("include_join", new Func<TemplateContext, SourceSpan, object?[], object?>((_, span, _) => throw Forbidden(span, "templates cannot read files or other templates (include_join)")));
        functions.Import("env", new Func<TemplateContext, SourceSpan, object?[], object?>((_, span, _) => throw Forbidden(span, "templates cannot read environment variables (env)")));
        functions.Import("expandenv", new Func<TemplateContext, SourceSpan, object?[], object?>((_, span, _) => throw Forbidden(span, "templates cannot read environment variables (expandenv)")));
    }

    private static object? GetResource(TemplateContext context, SourceSpan span, string identifier) =>
        ScriptValues.FromJson(WithoutServerFields(Resource(context, span, identifier)), span);

    private static string Copy(TemplateContext context, SourceSpan span, string identifier) =>
        TemplateYaml.Write(WithoutServerFields(Resource(context, span, identifier)));

    private static object? GetField(TemplateContext context, SourceSpan span, object? target, object? path, object?[] fallback)
    {
        var fieldPath = FieldPath.Parse(path, span);
        if (fieldPath.TryGet(ScriptValues.ToJson(target, span), out var value))
        {
            return ScriptValues.FromJson(value, span);
        }

        return fallback.Length > 0
            ? fallback[0]
            : throw new TemplateFault(TemplateErrorIds.MissingKey, span, $"the field '{fieldPath.Text}' does not exist (give get_field a third argument to use when it is missing)");
    }

    private static string SetField(TemplateContext context, SourceSpan span, object? target, object? path, object? value)
    {
        var root = ObjectArgument("set_field", target, span);
        FieldPath.Parse(path, span).Set(root, ScriptValues.ToJson(value, span), span);
        return TemplateYaml.Write(WithoutServerFields(root));
    }

    private static string RemoveField(TemplateContext context, SourceSpan span, object? target, object? path)
    {
        var root = ObjectArgument("remove_field", target, span);
        FieldPath.Parse(path, span).Remove(root);
        return TemplateYaml.Write(WithoutServerFields(root));
    }

    private static object? ChainSetField(TemplateContext context, SourceSpan span, object? target, object? path, object? value)
    {
        var root = ObjectArgument("chain_set_field", target, span);
        FieldPath.Parse(path, span).Set(root, ScriptValues.ToJson(value, span), span);
        return ScriptValues.FromJson(root, span);
    }

    private static object? ChainRemoveField(TemplateContext context, SourceSpan span, object? target, object? path)
    {
        var root = ObjectArgument("chain_remove_field", target, span);
        FieldPath.Parse(path, span).Remove(root);
        return ScriptValues.FromJson(root, span);
    }

    private static string ToYaml(TemplateContext context, SourceSpan span, object? value) =>
        Bounded(context, span, TemplateYaml.Write(ScriptValues.ToJson(value, span)));

    private static object? FromYaml(TemplateContext context, SourceSpan span, string? text) =>
        ReadYaml(span, text, "from_yaml") switch
        {
            null => new ScriptObject(),
            JsonObject obj => ScriptValues.FromJson(obj, span),
            var other => throw Failed(span, $"from_yaml reads a mapping, but the YAML holds {Describe(other)}; use from_yaml_array for a list"),
        };

    private static object? FromYamlArray(TemplateContext context, SourceSpan span, string? text) =>
        ReadYaml(span, text, "from_yaml_array") switch
        {
            null => new ScriptArray(),
            JsonArray array => ScriptValues.FromJson(array, span),
            var other => throw Failed(span, $"from_yaml_array reads a list, but the YAML holds {Describe(other)}"),
        };

    private static string ToJson(TemplateContext context, SourceSpan span, object? value) =>
        Bounded(context, span, ScriptValues.ToJson(value, span)?.ToJsonString(JsonOutput) ?? "null");

    private static object? FromJson(TemplateContext context, SourceSpan span, string? text) =>
        ReadJson(span, text, "from_json") switch
        {
            JsonObject obj => ScriptValues.FromJson(obj, span),
            var other => throw Failed(span, $"from_json reads an object, but the JSON holds {Describe(other)}; use from_json_array for a list"),
        };

    private static object? FromJsonArray(TemplateContext context, SourceSpan span, string? text) =>
        ReadJson(span, text, "from_json_array") switch
        {
            JsonArray array => ScriptValues.FromJson(array, span),
            var other => throw Failed(span, $"from_json_array reads a list, but the JSON holds {Describe(other)}"),
        };

    private static object? Default(object? value, object? fallback) => IsAbsent(value) ? fallback : value;

    private static object? Required(TemplateContext context, SourceSpan span, object? value, string? message) =>
        IsAbsent(value)
            ? throw new TemplateFault(TemplateErrorIds.MissingKey, span, string.IsNullOrEmpty(message) ? "a required value is missing" : message)
            : value;

    private static string Indent(TemplateContext context, SourceSpan span, string? text, int width)
    {
        if (width < 0)
        {
            throw Failed(span, $"indent width {width} is negative");
        }

        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var lines = text.Split('\n');
        var length = (long)text.Length + ((long)width * lines.Length);
        if (length > ((RenderContext)context).Limits.MaxOutputLength)
        {
            throw new TemplateFault(TemplateErrorIds.LimitExceeded, span, $"indenting by {width} would make a string longer than the output limit of {((RenderContext)context).Limits.MaxOutputLength} characters");
        }

        var pad = new string(' ', width);
        var result = new StringBuilder((int)length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                result.Append('\n');
            }

            // Blank lines stay blank: trailing spaces would only add noise to the YAML.
            if (lines[i].Length > 0 && lines[i] != "\r")
            {
                result.Append(pad);
            }

            result.Append(lines[i]);
        }

        return result.ToString();
    }

    private static string NIndent(TemplateContext context, SourceSpan span, string? text, int width) =>
        "\n" + Indent(context, span, text, width);

    private static string Quote(TemplateContext context, object? value) =>
        JsonSerializer.Serialize(Text(context, value), JsonOutput);

    private static string SQuote(TemplateContext context, object? value) =>
        "'" + Text(context, value).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static ScriptObject Dict(TemplateContext context, SourceSpan span, object?[] pairs)
    {
        if (pairs.Length % 2 != 0)
        {
            throw Failed(span, $"dict needs key/value pairs, but got {pairs.Length} arguments");
        }

        var result = new ScriptObject(pairs.Length / 2);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            var key = pairs[i] is null ? throw Failed(span, "a dict key cannot be null") : Text(context, pairs[i]);
            result.SetValue(key, pairs[i + 1], readOnly: false);
        }

        return result;
    }

    private static JsonObject Resource(TemplateContext context, SourceSpan span, string identifier)
    {
        var resources = ((RenderContext)context).Data.Resources;
        if (resources.TryGetValue(identifier, out var resource))
        {
            return resource;
        }

        var known = resources.Count == 0 ? "none were fetched" : "fetched: " + string.Join(", ", resources.Keys.Order(StringComparer.Ordinal));
        throw new TemplateFault(TemplateErrorIds.MissingKey, span, $"no resource has the identifier '{identifier}' ({known}); identifiers come from the profile's templateResourceRefs");
    }

    /// <summary>A deep copy without the fields the API server owns, as Sveltos' getResource and copy return it.</summary>
    private static JsonObject WithoutServerFields(JsonObject resource)
    {
        var copy = (JsonObject)resource.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
            metadata.Remove("resourceVersion");
            metadata.Remove("uid");
        }

        return copy;
    }

    private static JsonObject ObjectArgument(string function, object? target, SourceSpan span) =>
        ScriptValues.ToJson(target, span) as JsonObject
        ?? throw Failed(span, $"{function} works on an object (a map), not on {Describe(ScriptValues.ToJson(target, span))}");

    private static JsonNode? ReadYaml(SourceSpan span, string? text, string function)
    {
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = TemplateYaml.Read(text ?? "");
        }
        catch (FormatException e)
        {
            throw Failed(span, $"{function}: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            throw new TemplateFault(TemplateErrorIds.LimitExceeded, span, $"{function}: {e.Message}");
        }

        var content = documents.Where(d => d is not null).ToList();
        return content.Count <= 1
            ? content.FirstOrDefault()
            : throw Failed(span, $"{function} reads one YAML document, but the text holds {content.Count}");
    }

    private static JsonNode? ReadJson(SourceSpan span, string? text, string function)
    {
        try
        {
            return JsonNode.Parse(text ?? "", documentOptions: JsonInput);
        }
        catch (JsonException e)
        {
            throw Failed(span, $"{function}: invalid JSON: {e.Message}");
        }
    }

    private static string Bounded(TemplateContext context, SourceSpan span, string text)
    {
        var limit = ((RenderContext)context).Limits.MaxOutputLength;
        return text.Length <= limit
            ? text
            : throw new TemplateFault(TemplateErrorIds.LimitExceeded, span, $"the text is longer than the output limit of {limit} characters");
    }

    private static string Text(TemplateContext context, object? value) => value is null ? "" : context.ObjectToString(value) ?? "";

    private static bool IsAbsent(object? value) => value is null || value is string { Length: 0 };

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => $"the string '{value.GetValue<string>()}'",
        JsonValue value => $"the value {value.ToJsonString()}",
        _ => "a value",
    };

    private static TemplateFault Failed(SourceSpan span, string message) => new(TemplateErrorIds.FunctionError, span, message);

    private static TemplateFault Forbidden(SourceSpan span, string message) => new(TemplateErrorIds.Forbidden, span, message);
}
