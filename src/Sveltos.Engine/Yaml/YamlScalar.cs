using System.Globalization;

namespace Sveltos.Engine.Yaml;

/// <summary>
/// A scalar. A plain scalar's type comes from its text (see <see cref="PlainScalarResolver"/>); a non-plain one
/// (quoted or block) is always a string. The original quoting style is formatting and is not kept.
/// </summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string text, bool isPlain, string? tag = null)
    {
        Text = text;
        IsPlain = isPlain;
        Tag = tag;
    }

    public string Text { get; }

    public bool IsPlain { get; }

    /// <summary>An explicit tag other than the standard ones, kept so it is written back.</summary>
    public string? Tag { get; }

    /// <summary>The typed value: null, bool, long, double or string.</summary>
    public object? Value => IsPlain && Tag is null ? PlainScalarResolver.Resolve(Text) : Text;

    public bool IsNull => Value is null;

    public static YamlScalar String(string value) => new(value, isPlain: false);

    public static YamlScalar Boolean(bool value) => new(value ? "true" : "false", isPlain: true);

    public static YamlScalar Integer(long value) => new(value.ToString(CultureInfo.InvariantCulture), isPlain: true);

    public static YamlScalar Number(double value) => new(value.ToString("R", CultureInfo.InvariantCulture), isPlain: true);

    public override YamlNode DeepClone() => new YamlScalar(Text, IsPlain, Tag) { Line = Line, Column = Column };

    public override string Describe() => Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => $"the string '{s}'",
        _ => $"the number {Text}",
    };
}
