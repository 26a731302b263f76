using System.Text.Json.Nodes;
using Sveltos.Engine.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sveltos.Engine.Templates;

/// <summary>
/// YAML for the template functions, with the guards a sandbox needs: the engine's reader builds trees recursively and
/// expands aliases, so text a template assembles is checked first for nesting depth and for alias bombs
/// ("billion laughs"), by a flat pass over the parser's events.
/// </summary>
internal static class TemplateYaml
{
    /// <summary>Nodes one document may expand to, aliases counted at their full size.</summary>
    public const int MaxNodes = 200_000;

    public static string Write(JsonNode? value) =>
        YamlDocumentWriter.Write(ObjectTreeConverter.FromObject(value)).TrimEnd('\n');

    /// <summary>The documents of a YAML stream as JSON trees (null for an empty document).</summary>
    /// <exception cref="FormatException">The text is not valid YAML; the message has the line and column.</exception>
    /// <exception cref="InvalidDataException">The text is nested too deeply or expands to too many nodes.</exception>
    public static IReadOnlyList<JsonNode?> Read(string text)
    {
        CheckShape(text);
        var documents = new List<JsonNode?>();
        foreach (var document in YamlDocumentReader.Read(text))
        {
            if (document.Error is { } error)
            {
                throw new YamlSyntaxException(error.Line, error.Column, error.Message);
            }

            documents.Add(document.IsEmpty ? null : JsonTreeConverter.ToJson(document.Root!));
        }

        return documents;
    }

    private static void CheckShape(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Size)>();
        var anchors = new Dictionary<string, long>();
        long total = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case NodeEvent start and (MappingStart or SequenceStart):
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 0));
                        if (open.Count > ScriptValues.MaxDepth)
                        {
                            throw new InvalidDataException($"the YAML is nested more than {ScriptValues.MaxDepth} levels deep");
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, size) = open.Pop();
                        Complete(anchor, size + 1, 1);
                        break;
                    case Scalar scalar:
                        Complete(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1, 1);
                        break;
                    case AnchorAlias alias:
                        var aliased = anchors.GetValueOrDefault(alias.Value.Value, 1);
                        Complete(null, aliased, aliased);
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The reader reports syntax errors with their position; this pass only guards size.
        }

        void Complete(string? anchor, long size, long added)
        {
            total += added;
            if (total > MaxNodes)
            {
                throw new InvalidDataException($"the YAML expands to more than {MaxNodes} values (aliases count at their full size)");
            }

            if (anchor is not null)
            {
                anchors[anchor] = size;
            }

            if (open.Count > 0)
            {
                var (parentAnchor, parentSize) = open.Pop();
                open.Push((parentAnchor, parentSize + size));
            }
        }
    }
}

/// <summary>Text that is not YAML, with where the reader stopped.</summary>
internal sealed class YamlSyntaxException(long line, long column, string problem)
    : FormatException($"invalid YAML at line {line}, column {column}: {problem}")
{
    public long Line { get; } = line;

    public string Problem { get; } = problem;
}
