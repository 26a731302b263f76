using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>The text one template was parsed from and its name (Go's ParseName), so an error names the file that holds the node.</summary>
internal sealed class GoSource(string name, string text)
{
    public string Name { get; } = name;

    public string Text { get; } = text;

    /// <summary>1-based line and 1-based column in characters, for <see cref="TemplateException"/>.</summary>
    public (int Line, int Column) LineAndColumn(int position)
    {
        var before = Text.AsSpan(0, Math.Clamp(position, 0, Text.Length));
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count('\n') + 1, before.Length - lineStart + 1);
    }

    public int Line(int position) => Text.AsSpan(0, Math.Clamp(position, 0, Text.Length)).Count('\n') + 1;

    /// <summary>Go's ErrorContext location, <c>name:line:column</c>, the column being the byte offset in the line (0-based, as Go prints it).</summary>
    public string Location(int position)
    {
        var before = Text.AsSpan(0, Math.Clamp(position, 0, Text.Length));
        var lineStart = before.LastIndexOf('\n') + 1;
        return $"{Name}:{before.Count('\n') + 1}:{Encoding.UTF8.GetByteCount(before[lineStart..])}";
    }
}
