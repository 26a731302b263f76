using System.Text;
using GoJson = Sveltos.Engine.Templates.Go.GoJson;

namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// One Go struct written as encoding/json writes it: fields in declaration order, values by Go's rules (maps sorted,
/// &lt; &gt; &amp; escaped, []byte as base64). A field may be JSON already written, such as a nested struct.
/// </summary>
internal sealed class GoStructWriter
{
    private readonly StringBuilder _text = new("{");
    private bool _any;

    public GoStructWriter Json(string key, string json)
    {
        _text.Append(_any ? "," : "").Append(GoJson.Marshal(key)).Append(':').Append(json);
        _any = true;
        return this;
    }

    public GoStructWriter Value(string key, object? value) => Json(key, GoJson.Marshal(value));

    public GoStructWriter Bytes(string key, byte[]? value) => Json(key, value is null ? "null" : GoJson.Marshal(Convert.ToBase64String(value)));

    public GoStructWriter OmitEmpty(string key, string value) => value.Length == 0 ? this : Value(key, value);

    public GoStructWriter OmitEmpty(string key, int value) => value == 0 ? this : Value(key, (long)value);

    public GoStructWriter OmitEmpty(string key, IReadOnlyList<string> values) => values.Count == 0 ? this : Value(key, values.Select(v => (object?)v).ToList());

    /// <summary>Fields read from a newer Helm's JSON, written back after the known ones.</summary>
    public GoStructWriter Unknown(IReadOnlyDictionary<string, object?> fields)
    {
        foreach (var (key, value) in fields)
        {
            Value(key, value);
        }

        return this;
    }

    /// <summary>A Go slice of structs: null when empty, as Helm's nil slices are.</summary>
    public static string Slice<T>(IReadOnlyList<T> items, Func<T, string> write) => items.Count == 0 ? "null" : "[" + string.Join(",", items.Select(write)) + "]";

    public override string ToString() => _text + "}";
}
