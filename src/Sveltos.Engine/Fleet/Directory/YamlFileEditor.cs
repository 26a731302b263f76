using System.Text;
using System.Text.RegularExpressions;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Fleet.Directory;

/// <summary>
/// Edits one document of a multi-document YAML file in place, line by line, so that comments,
/// formatting and every other document of the file stay exactly as they were.
/// Document indexes count documents as <see cref="YamlDocumentReader"/> does (0-based, empty ones too).
/// </summary>
internal static partial class YamlFileEditor
{
    /// <summary>Replaces (or adds) the block mapping at metadata.<paramref name="field"/> with <paramref name="values"/>.</summary>
    public static string SetMetadataMap(string text, int documentIndex, string field, IReadOnlyDictionary<string, string> values)
    {
        var lines = SplitLines(text);
        var (start, end) = DocumentRange(lines, documentIndex);
        var metadata = FindKey(lines, start, end, 0, "metadata")
            ?? throw new InvalidOperationException("the document has no top-level 'metadata'");
        var childIndent = ChildIndent(lines, metadata + 1, end, 0) ?? 2;
        var metadataEnd = BlockEnd(lines, metadata + 1, end, 0);
        var rendered = Render(field, values, childIndent);

        var existing = FindKey(lines, metadata + 1, metadataEnd, childIndent, field);
        if (existing is { } keyLine)
        {
            var valueEnd = BlockEnd(lines, keyLine + 1, metadataEnd, childIndent);
            lines.RemoveRange(keyLine, valueEnd - keyLine);
            lines.InsertRange(keyLine, rendered);
        }
        else
        {
            lines.InsertRange(metadata + 1, rendered);
        }

        return Join(lines, text);
    }

    /// <summary>Removes one document (and its separator) from the file.</summary>
    public static string RemoveDocument(string text, int documentIndex)
    {
        var lines = SplitLines(text);
        var (start, end) = DocumentRange(lines, documentIndex);
        var separator = start > 0 && IsSeparator(lines[start - 1]) ? start - 1 : start;
        lines.RemoveRange(separator, end - separator);
        if (separator == 0 && lines.Count > 0 && IsSeparator(lines[0]) && documentIndex == 0)
        {
            lines.RemoveAt(0);
        }

        return Join(lines, text);
    }

    /// <summary>Replaces one document with <paramref name="yaml"/>.</summary>
    public static string ReplaceDocument(string text, int documentIndex, string yaml)
    {
        var lines = SplitLines(text);
        var (start, end) = DocumentRange(lines, documentIndex);
        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, SplitLines(yaml.TrimEnd('\n')));
        return Join(lines, text);
    }

    /// <summary>Adds a document at the end of the file.</summary>
    public static string AppendDocument(string text, string yaml)
    {
        var body = yaml.TrimEnd('\n') + "\n";
        if (string.IsNullOrWhiteSpace(text))
        {
            return body;
        }

        return text.TrimEnd('\n') + "\n---\n" + body;
    }

    /// <summary>Renders a flat string map as a block mapping at <paramref name="indent"/> (an empty map as <c>{}</c>).</summary>
    internal static List<string> Render(string key, IReadOnlyDictionary<string, string> values, int indent)
    {
        var pad = new string(' ', indent);
        if (values.Count == 0)
        {
            return [$"{pad}{key}: {{}}"];
        }

        var lines = new List<string> { $"{pad}{key}:" };
        lines.AddRange(values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{pad}  {Scalar(kv.Key)}: {Scalar(kv.Value)}"));
        return lines;
    }

    /// <summary>A string as a YAML scalar that reads back as the same string.</summary>
    internal static string Scalar(string value) =>
        value.Length > 0 && PlainSafe().IsMatch(value) && PlainScalarResolver.IsPlainString(value)
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static (int Start, int End) DocumentRange(List<string> lines, int documentIndex)
    {
        // Content before the first separator is a document only when it holds something.
        var starts = new List<int>();
        if (lines.TakeWhile(l => !IsSeparator(l)).Any(l => !IsBlankOrComment(l)))
        {
            starts.Add(0);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (IsSeparator(lines[i]))
            {
                starts.Add(i + 1);
            }
        }

        if (documentIndex >= starts.Count)
        {
            throw new InvalidOperationException($"the file has no document {documentIndex}");
        }

        var start = starts[documentIndex];
        var end = documentIndex + 1 < starts.Count ? starts[documentIndex + 1] - 1 : lines.Count;
        return (start, end);
    }

    private static int? FindKey(List<string> lines, int start, int end, int indent, string key)
    {
        for (var i = start; i < end; i++)
        {
            if (Indent(lines[i]) == indent && KeyLine().Match(lines[i]) is { Success: true } m && m.Groups["key"].Value.Trim('"', '\'') == key)
            {
                return i;
            }
        }

        return null;
    }

    private static int? ChildIndent(List<string> lines, int start, int end, int parentIndent)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsBlankOrComment(lines[i]))
            {
                var indent = Indent(lines[i]);
                return indent > parentIndent ? indent : null;
            }
        }

        return null;
    }

    /// <summary>The first line at or after <paramref name="start"/> that is back at or left of <paramref name="indent"/>.</summary>
    private static int BlockEnd(List<string> lines, int start, int end, int indent)
    {
        var last = start;
        for (var i = start; i < end; i++)
        {
            if (IsBlankOrComment(lines[i]))
            {
                continue;
            }

            // A sequence may sit at its parent key's own indentation ("labels:\n- a").
            if (Indent(lines[i]) < indent || (Indent(lines[i]) == indent && !lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal)))
            {
                return last;
            }

            last = i + 1;
        }

        return last;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static bool IsSeparator(string line) => line == "---" || line.StartsWith("--- ", StringComparison.Ordinal) || line == "...";

    private static bool IsBlankOrComment(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');

    private static List<string> SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static string Join(List<string> lines, string original)
    {
        var newline = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line).Append(newline);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^\s*(?<key>""[^""]*""|'[^']*'|[^\s#'""][^:#]*?)\s*:(\s|$)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?$")]
    private static partial Regex PlainSafe();
}
