using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// One JSON object decoded into a Go struct as encoding/json does: a field takes the key of its name, else one equal
/// to it ignoring case; null leaves a field at its zero value; a value of the wrong type fails. The keys no field took
/// stay available, in document order.
/// </summary>
internal sealed class GoStructReader
{
    private readonly Dictionary<string, object?> _fields;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly string _path;

    private GoStructReader(Dictionary<string, object?> fields, string path)
    {
        _fields = fields;
        _path = path;
    }

    /// <summary>A reader of <paramref name="value"/>; null for JSON null (Go's nil pointer).</summary>
    public static GoStructReader? Of(object? value, string path) => value switch
    {
        null => null,
        Dictionary<string, object?> map => new GoStructReader(map, path),
        _ => throw Mismatch(value, path, "object"),
    };

    public object? Take(string name)
    {
        object? found = null;
        foreach (var key in _fields.Keys.Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)))
        {
            _taken.Add(key);
            if (key != name)
            {
                found ??= _fields[key];
            }
        }

        return _fields.TryGetValue(name, out var exact) ? exact : found;
    }

    public string String(string name) => Take(name) switch
    {
        null => "",
        string s => s,
        var other => throw Mismatch(other, Field(name), "string"),
    };

    public int Int(string name) => Take(name) switch
    {
        null => 0,
        double d when d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue => (int)d,
        var other => throw Mismatch(other, Field(name), "int"),
    };

    public bool Bool(string name) => Take(name) switch
    {
        null => false,
        bool b => b,
        var other => throw Mismatch(other, Field(name), "bool"),
    };

    public IReadOnlyList<string> Strings(string name) =>
        List(name).Select((item, i) => item as string ?? (item is null ? "" : throw Mismatch(item, $"{Field(name)}[{i}]", "string"))).ToList();

    public List<object?> List(string name) => Take(name) switch
    {
        null => [],
        List<object?> list => list,
        var other => throw Mismatch(other, Field(name), "array"),
    };

    public Dictionary<string, object?>? Map(string name) => Take(name) switch
    {
        null => null,
        Dictionary<string, object?> map => map,
        var other => throw Mismatch(other, Field(name), "object"),
    };

    public IReadOnlyDictionary<string, string> StringMap(string name) =>
        (Map(name) ?? []).ToDictionary(kv => kv.Key, kv => kv.Value as string ?? (kv.Value is null ? "" : throw Mismatch(kv.Value, $"{Field(name)}.{kv.Key}", "string")), StringComparer.Ordinal);

    public GoStructReader? Struct(string name) => Of(Take(name), Field(name));

    /// <summary>A slice of struct pointers; null items (nil pointers) are dropped.</summary>
    public IReadOnlyList<GoStructReader> Structs(string name) => List(name).Select((item, i) => Of(item, $"{Field(name)}[{i}]")).OfType<GoStructReader>().ToList();

    /// <summary>A Helm time: "" or null is the zero time.</summary>
    public HelmTime Time(string name)
    {
        var text = String(name);
        return text.Length == 0 ? HelmTime.Zero
            : HelmTime.TryParse(text, out var time) ? time
            : throw Invalid($"{Field(name)}: \"{text}\" is not an RFC 3339 time");
    }

    /// <summary>A []byte: base64 text, or null.</summary>
    public byte[]? Bytes(string name)
    {
        var value = Take(name);
        if (value is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(value as string ?? throw Mismatch(value, Field(name), "[]byte"));
        }
        catch (FormatException)
        {
            throw Invalid($"{Field(name)}: the value is not base64");
        }
    }

    /// <summary>The fields no Take asked for, in document order.</summary>
    public IReadOnlyDictionary<string, object?> Unknown()
    {
        var unknown = new GoStruct();
        foreach (var (key, value) in _fields.Where(kv => !_taken.Contains(kv.Key)))
        {
            unknown[key] = value;
        }

        return unknown.Count == 0 ? ReleaseJsonReader.NoFields : unknown;
    }

    public static HelmException Invalid(string message) =>
        new(ReleaseErrorIds.ReleaseInvalid, ErrorKind.InvalidData, $"the release data is not a Helm 3 release: {message}");

    private string Field(string name) => $"{_path}.{name}";

    private static HelmException Mismatch(object? value, string path, string type) =>
        Invalid($"{path}: {GoJson.CannotUnmarshal(value, type).Replace("Go value of type", "a field of type", StringComparison.Ordinal)}");
}
