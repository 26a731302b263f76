using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sveltos.Engine.Yaml;

/// <summary>
/// Writes trees as block-style YAML. Output is deterministic: reading it back and writing again gives the same bytes.
/// Strings are quoted only when needed to stay strings; multi-line strings become literal blocks (<c>|</c>).
/// </summary>
internal static class YamlDocumentWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        skipAnchorName: false,
        indentSequences: true,
        newLine: "\n",
        useUtf16SurrogatePairs: false);

    public static string Write(YamlNode document) => Write([document]);

    public static string Write(IEnumerable<YamlNode> documents)
    {
        var writer = new StringWriter();
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        var first = true;
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: first));
            WriteNode(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
            first = false;
        }

        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteNode(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                emitter.Emit(ToEvent(scalar, isKey: false));
                break;
            case YamlSequence sequence:
                var sequenceStyle = sequence.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, sequenceStyle));
                foreach (var item in sequence.Items)
                {
                    WriteNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMapping mapping:
                var mappingStyle = mapping.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, mappingStyle));
                foreach (var (key, value) in mapping.Entries)
                {
                    emitter.Emit(ToEvent(key, isKey: true));
                    WriteNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
        }
    }

    private static Scalar ToEvent(YamlScalar scalar, bool isKey)
    {
        var text = scalar.Text;
        if (scalar.Tag is not null)
        {
            return new Scalar(AnchorName.Empty, new TagName(scalar.Tag), text, ScalarStyle.Any, false, false);
        }

        if (scalar.IsPlain && !text.Contains('\n'))
        {
            // An empty plain scalar is null; "null" says the same and stays visible.
            return new Scalar(AnchorName.Empty, TagName.Empty, text.Length == 0 ? "null" : text, ScalarStyle.Plain, true, false);
        }

        var style = text.Contains('\n') && !isKey ? ScalarStyle.Literal : ScalarStyle.Any;
        return new Scalar(AnchorName.Empty, TagName.Empty, text, style, PlainScalarResolver.IsPlainString(text), true);
    }
}
