using System.Text.Json.Nodes;
using static Sveltos.Engine.Templates.Go.GoConvert;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// The Sveltos controllers' functions (toYaml/toToml/fromYaml/..., getResource, copy and the field functions). getResource/copy/getField/setField/removeField take a resource identifier of the
/// profile's templateResourceRefs (or, for getField/setField/removeField, a map), as Sveltos documents them.
/// </summary>
internal static partial class GoFunctions
{
    private static void AddSveltos(Adder add)
    {
        add("toYaml", 1, 1, (e, a) => e.Bounded(TryToYaml(a[0])));
        add("mustToYaml", 1, 1, (e, a) => e.Bounded(ToYaml(a[0])));
        add("toToml", 1, 1, (e, a) => e.Bounded(ToToml(a[0])));
        add("fromToml", 1, 1, (_, a) => FromToml(Str(a[0])));
        add("fromYaml", 1, 1, (_, a) => FromYaml(Str(a[0])));
        add("fromYamlArray", 1, 1, (_, a) => FromYamlArray(Str(a[0])));
        add("getResource", 1, 1, (e, a) => GoValues.Normalize(Resource(e, Str(a[0]))));
        add("copy", 1, 1, (e, a) => e.Bounded(ToYaml(GoValues.Normalize(Resource(e, Str(a[0]))))));
        add("getField", 2, 2, (e, a) => Navigate(Target(e, a[0]), Str(a[1]), out var value) ? value : null);
        add("setField", 3, 3, (e, a) => e.Bounded(ToYaml(SetPath(Target(e, a[0]), Str(a[1]), a[2]))));
        add("removeField", 2, 2, (e, a) => e.Bounded(ToYaml(RemovePath(Target(e, a[0]), Str(a[1])))));
        add("chainSetField", 3, 3, (_, a) => SetPath((Dictionary<string, object?>)DeepCopy(Map(a[0]))!, Str(a[1]), a[2]));
        add("chainRemoveField", 2, 2, (_, a) => RemovePath((Dictionary<string, object?>)DeepCopy(Map(a[0]))!, Str(a[1])));
    }

    /// <summary>Helm's toYaml: sigs.k8s.io/yaml's text without its final line break.</summary>
    private static string ToYaml(object? value) => GoYaml.Marshal(value) is var text && text.EndsWith('\n') ? text[..^1] : text;

    /// <summary>Helm's toYaml swallows a marshalling error and gives an empty string; mustToYaml reports it.</summary>
    private static string TryToYaml(object? value)
    {
        try
        {
            return ToYaml(value);
        }
        catch (GoFunctionException e) when (e.ErrorId == TemplateErrorIds.FunctionError)
        {
            return "";
        }
    }

    /// <summary>Like Helm's toToml, an encoding error comes back as the text.</summary>
    private static string ToToml(object? value)
    {
        try
        {
            return TomlWriter.Write(value);
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    /// <summary>Helm's fromYaml (sigs.k8s.io/yaml.Unmarshal into a map): the first document, numbers as float64, an error under "Error".</summary>
    private static Dictionary<string, object?> FromYaml(string text)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (ReadYaml(text, out var error))
        {
            case Dictionary<string, object?> read:
                return read;
            case null when error is null:
                return map;
            case var other:
                map["Error"] = error ?? UnmarshalError(other, GoJson.MapType);
                return map;
        }
    }

    /// <summary>Helm's fromYamlArray: a bad text gives a one-item list holding the error.</summary>
    private static List<object?> FromYamlArray(string text) => ReadYaml(text, out var error) switch
    {
        List<object?> list => list,
        null when error is null => [],
        var other => [error ?? UnmarshalError(other, GoJson.SliceType)],
    };

    private static string UnmarshalError(object? value, string type) => "error unmarshaling JSON: while decoding JSON: " + GoJson.CannotUnmarshal(value, type);

    /// <summary>Helm's fromToml: a bad document gives a map holding the decoder's error under "Error".</summary>
    private static Dictionary<string, object?> FromToml(string text)
    {
        try
        {
            return TomlReader.Read(text);
        }
        catch (FormatException e)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = e.Message };
        }
    }

    private static object? ReadYaml(string text, out string? error)
    {
        error = null;
        try
        {
            var documents = TemplateYaml.Read(text);
            return documents.Count == 0 ? null : GoJson.Floats(GoValues.Normalize(documents[0]));
        }
        catch (YamlSyntaxException e)
        {
            error = $"error converting YAML to JSON: yaml: line {e.Line}: {e.Problem}";
            return null;
        }
        catch (InvalidDataException e)
        {
            throw new GoFunctionException(e.Message, TemplateErrorIds.LimitExceeded);
        }
    }

    private static JsonObject Resource(GoExecution e, string identifier)
    {
        var resources = e.Data?.Resources ?? new Dictionary<string, JsonObject>();
        if (!resources.TryGetValue(identifier, out var resource))
        {
            var known = resources.Count == 0 ? "none were fetched" : "fetched: " + string.Join(", ", resources.Keys.Order(StringComparer.Ordinal));
            throw new GoFunctionException($"no resource has the identifier '{identifier}' ({known}); identifiers come from the profile's templateResourceRefs", TemplateErrorIds.MissingKey);
        }

        // Sveltos returns the resource without the fields the API server owns.
        var copy = (JsonObject)resource.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
            metadata.Remove("resourceVersion");
            metadata.Remove("uid");
        }

        return copy;
    }

    private static Dictionary<string, object?> Target(GoExecution e, object? target) => target switch
    {
        string identifier => (Dictionary<string, object?>)GoValues.Normalize(Resource(e, identifier))!,
        _ => (Dictionary<string, object?>)DeepCopy(Map(target))!,
    };

    private static bool Navigate(Dictionary<string, object?> root, string path, out object? value)
    {
        value = root;
        foreach (var key in path.Split('.'))
        {
            if (value is not Dictionary<string, object?> map || !map.TryGetValue(key, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, object?> SetPath(Dictionary<string, object?> root, string path, object? value)
    {
        var keys = path.Split('.');
        var current = root;
        foreach (var key in keys[..^1])
        {
            if (!current.TryGetValue(key, out var next) || next is null)
            {
                next = new Dictionary<string, object?>(StringComparer.Ordinal);
                current[key] = next;
            }

            current = next as Dictionary<string, object?> ?? throw new GoFunctionException($"cannot set '{path}': '{key}' is {GoValues.TypeName(next)}, not a map");
        }

        current[keys[^1]] = DeepCopy(value);
        return root;
    }

    private static Dictionary<string, object?> RemovePath(Dictionary<string, object?> root, string path)
    {
        var keys = path.Split('.');
        var current = root;
        foreach (var key in keys[..^1])
        {
            if (!current.TryGetValue(key, out var next) || next is not Dictionary<string, object?> map)
            {
                return root;
            }

            current = map;
        }

        current.Remove(keys[^1]);
        return root;
    }
}
