using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sveltos.Engine.Yaml;

/// <summary>
/// Reads a multi-document YAML (or JSON) stream into ordered trees. A syntax error ends the stream: the documents
/// before it are still returned, followed by one carrying the error. Problems inside a document that the parser can
/// step over (duplicate keys, unknown aliases) only fail that document.
/// </summary>
internal static partial class YamlDocumentReader
{
    private const string MergeKey = "<<";

    public static IReadOnlyList<YamlReadDocument> Read(string text, bool lastKeyWins = false) => Read(new StringReader(text), lastKeyWins);

    /// <param name="reader">The stream.</param>
    /// <param name="lastKeyWins">
    /// Accept a key given twice in a mapping, its last value winning, as go-yaml's non-strict Unmarshal (which Helm reads
    /// rendered manifests with) does; otherwise a duplicate key fails the document.
    /// </param>
    public static IReadOnlyList<YamlReadDocument> Read(TextReader reader, bool lastKeyWins = false)
    {
        var documents = new List<YamlReadDocument>();
        var parser = new Parser(new Scanner(reader, skipComments: true));
        var line = 1;
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                line = (int)parser.Consume<DocumentStart>().Start.Line;
                documents.Add(ReadDocument(parser, documents.Count, line, lastKeyWins));
            }
        }
        catch (YamlException e)
        {
            documents.Add(new YamlReadDocument(documents.Count, line, null, ToError(e)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on some unterminated flow collections.
            var at = parser.Current?.End ?? Mark.Empty;
            var error = new YamlSyntaxError("unexpected end of a flow list or mapping (a missing ']' or '}'?)", (int)at.Line, (int)at.Column);
            documents.Add(new YamlReadDocument(documents.Count, line, null, error));
        }

        return documents;
    }

    private static YamlReadDocument ReadDocument(IParser parser, int index, int line, bool lastKeyWins)
    {
        try
        {
            var root = new NodeReader(parser, lastKeyWins).Read();
            parser.Consume<DocumentEnd>();
            return new YamlReadDocument(index, line, root, null);
        }
        catch (ContentException e)
        {
            while (!parser.Accept<DocumentEnd>(out _))
            {
                parser.MoveNext();
            }

            parser.Consume<DocumentEnd>();
            return new YamlReadDocument(index, line, null, new YamlSyntaxError(e.Message, e.Line, e.Column));
        }
    }

    private static YamlSyntaxError ToError(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the position is reported separately.
        var message = PositionPrefix().Replace(e.Message, "");
        message = message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
        return new YamlSyntaxError(message.TrimEnd('.'), (int)e.Start.Line, (int)e.Start.Column);
    }

    [GeneratedRegex("^\\(Line: \\d+, Col: \\d+, Idx: \\d+\\) - \\(Line: \\d+, Col: \\d+, Idx: \\d+\\): ")]
    private static partial Regex PositionPrefix();

    private sealed class ContentException(string message, Mark at) : Exception(message)
    {
        public int Line { get; } = (int)at.Line;

        public int Column { get; } = (int)at.Column;
    }

    private sealed class NodeReader(IParser parser, bool lastKeyWins)
    {
        private readonly Dictionary<string, YamlNode> _anchors = [];

        public YamlNode Read()
        {
            var current = parser.Current ?? throw new ContentException("unexpected end of document", Mark.Empty);
            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    return _anchors.TryGetValue(alias.Value.Value, out var target)
                        ? target.DeepClone()
                        : throw new ContentException($"unknown alias '*{alias.Value.Value}'", alias.Start);
                case Scalar scalar:
                    parser.MoveNext();
                    return Remember(scalar.Anchor, ToScalar(scalar));
                case SequenceStart start:
                    parser.MoveNext();
                    return Remember(start.Anchor, ReadSequence(start));
                case MappingStart start:
                    parser.MoveNext();
                    return Remember(start.Anchor, ReadMapping(start));
                default:
                    throw new ContentException($"unexpected {current.GetType().Name}", current.Start);
            }
        }

        private YamlSequence ReadSequence(SequenceStart start)
        {
            var sequence = new YamlSequence { Line = (int)start.Start.Line, Column = (int)start.Start.Column };
            while (!parser.Accept<SequenceEnd>(out _))
            {
                sequence.Items.Add(Read());
            }

            parser.MoveNext();
            return sequence;
        }

        private YamlMapping ReadMapping(MappingStart start)
        {
            var mapping = new YamlMapping { Line = (int)start.Start.Line, Column = (int)start.Start.Column };
            var merged = new List<YamlMapping>();
            while (!parser.Accept<MappingEnd>(out _))
            {
                var keyStart = parser.Current!.Start;
                if (Read() is not YamlScalar key)
                {
                    throw new ContentException("mapping keys must be plain values, not lists or mappings", keyStart);
                }

                var value = Read();
                if (key.IsPlain && key.Text == MergeKey)
                {
                    merged.AddRange(MergeSources(value, keyStart));
                    continue;
                }

                if (mapping.TryGet(key.Text, out _))
                {
                    mapping.Set(key.Text, lastKeyWins ? value : throw new ContentException($"duplicate key '{key.Text}'", keyStart));
                    continue;
                }

                mapping.Add(key, value);
            }

            parser.MoveNext();

            // YAML 1.1 merge keys ("<<: *base"), which kubectl honours: explicit keys win over merged ones.
            foreach (var (key, value) in merged.SelectMany(m => m.Entries))
            {
                if (!mapping.TryGet(key.Text, out _))
                {
                    mapping.Add(key, value.DeepClone());
                }
            }

            return mapping;
        }

        private static IEnumerable<YamlMapping> MergeSources(YamlNode value, Mark at) => value switch
        {
            YamlMapping single => [single],
            YamlSequence list when list.Items.All(i => i is YamlMapping) => list.Items.Cast<YamlMapping>(),
            _ => throw new ContentException("a merge key '<<' needs a mapping or a list of mappings", at),
        };

        private YamlNode Remember(AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        private static YamlScalar ToScalar(Scalar scalar)
        {
            var position = (Line: (int)scalar.Start.Line, Column: (int)scalar.Start.Column);
            if (scalar.Tag.IsEmpty)
            {
                return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain) { Line = position.Line, Column = position.Column };
            }

            var tag = scalar.Tag.Value;
            var (isPlain, keptTag) = tag switch
            {
                "!" or "tag:yaml.org,2002:str" => (false, null),
                "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null" => (true, null),
                _ => (false, tag),
            };
            return new YamlScalar(scalar.Value, isPlain, keptTag) { Line = position.Line, Column = position.Column };
        }
    }
}
