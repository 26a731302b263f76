using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>A node for <see cref="GoYamlEmitter"/>: a scalar with the style the encoder asks for, a sequence or a mapping.</summary>
internal abstract record GoYamlNode;

internal sealed record GoYamlScalar(string Text, GoYamlStyle Style) : GoYamlNode;

internal sealed record GoYamlSequence(IReadOnlyList<GoYamlNode> Items) : GoYamlNode;

internal sealed record GoYamlMapping(IReadOnlyList<(GoYamlScalar Key, GoYamlNode Value)> Entries) : GoYamlNode;

internal enum GoYamlStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}

/// <summary>
/// go-yaml's emitter (libyaml's, as go-yaml carries it) for one block-style document: its indentation rules
/// (a sequence in a mapping is not indented, "- " and "? " start a nested block on their line), its choice of scalar
/// style from what a scalar holds, its escapes, and its folding of long plain and quoted scalars at spaces after
/// column <see cref="Width"/>. Columns count characters, as libyaml does.
/// </summary>
internal sealed class GoYamlEmitter
{
    private const int Width = 80;

    private readonly int _bestIndent;
    private readonly bool _indentSequencesInMappings;
    private readonly StringBuilder _output = new();
    private readonly Stack<int> _indents = new();
    private int _indent = -1;
    private int _column;
    private bool _whitespace = true;
    private bool _indention = true;
    private bool _mappingContext;
    private bool _simpleKeyContext;

    private GoYamlEmitter(int bestIndent, bool indentSequencesInMappings)
    {
        _bestIndent = bestIndent;
        _indentSequencesInMappings = indentSequencesInMappings;
    }

    /// <summary>The document's text, ending with a line break.</summary>
    public static string Write(GoYamlNode root, int indent = 2, bool indentSequencesInMappings = false)
    {
        var emitter = new GoYamlEmitter(indent, indentSequencesInMappings);
        emitter.Emit(root, mapping: false, simpleKey: false);
        emitter.WriteIndent();
        return emitter._output.ToString();
    }

    private void Emit(GoYamlNode node, bool mapping, bool simpleKey)
    {
        _mappingContext = mapping;
        _simpleKeyContext = simpleKey;
        switch (node)
        {
            case GoYamlScalar scalar:
                EmitScalar(scalar);
                break;
            case GoYamlSequence { Items.Count: 0 }:
                WriteIndicator("[", true, true, false);
                WriteIndicator("]", false, false, false);
                break;
            case GoYamlMapping { Entries.Count: 0 }:
                WriteIndicator("{", true, true, false);
                WriteIndicator("}", false, false, false);
                break;
            case GoYamlSequence sequence:
                EmitBlockSequence(sequence);
                break;
            case GoYamlMapping map:
                EmitBlockMapping(map);
                break;
        }
    }

    private void EmitBlockSequence(GoYamlSequence sequence)
    {
        IncreaseIndent(flow: false, indentless: _mappingContext && !_indention && !_indentSequencesInMappings);
        foreach (var item in sequence.Items)
        {
            WriteIndent();
            WriteIndicator("-", true, false, true);
            Emit(item, mapping: false, simpleKey: false);
        }

        _indent = _indents.Pop();
    }

    private void EmitBlockMapping(GoYamlMapping map)
    {
        IncreaseIndent(flow: false, indentless: false);
        foreach (var (key, value) in map.Entries)
        {
            WriteIndent();
            var analysis = ScalarAnalysis.Of(key.Text);
            if (!analysis.Multiline && Encoding.UTF8.GetByteCount(key.Text) <= 128)
            {
                Emit(key, mapping: true, simpleKey: true);
                WriteIndicator(":", false, false, false);
            }
            else
            {
                WriteIndicator("?", true, false, true);
                Emit(key, mapping: true, simpleKey: false);
                WriteIndent();
                WriteIndicator(":", true, false, true);
            }

            Emit(value, mapping: true, simpleKey: false);
        }

        _indent = _indents.Pop();
    }

    private void EmitScalar(GoYamlScalar scalar)
    {
        var value = scalar.Text.EnumerateRunes().Select(r => r.Value).ToArray();
        var analysis = ScalarAnalysis.Of(scalar.Text);
        var style = SelectStyle(scalar.Style, analysis, value.Length == 0);
        IncreaseIndent(flow: true, indentless: false);
        var allowBreaks = !_simpleKeyContext;
        switch (style)
        {
            case GoYamlStyle.Plain or GoYamlStyle.SingleQuoted:
                WritePlainOrSingleQuoted(value, allowBreaks, style == GoYamlStyle.SingleQuoted);
                break;
            case GoYamlStyle.DoubleQuoted:
                WriteDoubleQuoted(value, allowBreaks);
                break;
            default:
                WriteLiteral(value);
                break;
        }

        _indent = _indents.Pop();
    }

    private GoYamlStyle SelectStyle(GoYamlStyle style, ScalarAnalysis analysis, bool empty)
    {
        if (_simpleKeyContext && analysis.Multiline)
        {
            style = GoYamlStyle.DoubleQuoted;
        }

        if (style == GoYamlStyle.Plain && (!analysis.BlockPlainAllowed || (empty && _simpleKeyContext)))
        {
            style = GoYamlStyle.SingleQuoted;
        }

        if (style == GoYamlStyle.SingleQuoted && !analysis.SingleQuotedAllowed)
        {
            style = GoYamlStyle.DoubleQuoted;
        }

        if (style == GoYamlStyle.Literal && (!analysis.BlockAllowed || _simpleKeyContext))
        {
            style = GoYamlStyle.DoubleQuoted;
        }

        return style;
    }

    private void IncreaseIndent(bool flow, bool indentless)
    {
        _indents.Push(_indent);
        if (_indent < 0)
        {
            _indent = flow ? _bestIndent : 0;
        }
        else if (!indentless)
        {
            _indent += _bestIndent;
        }
    }

    private void Put(char c)
    {
        _output.Append(c);
        _column++;
    }

    private void PutBreak()
    {
        _output.Append('\n');
        _column = 0;
    }

    private void Write(int rune)
    {
        _output.Append(char.ConvertFromUtf32(rune));
        _column++;
    }

    private void WriteBreak(int rune)
    {
        if (rune == '\n')
        {
            PutBreak();
        }
        else
        {
            Write(rune);
            _column = 0;
        }
    }

    private void WriteIndent()
    {
        var indent = Math.Max(_indent, 0);
        if (!_indention || _column > indent || (_column == indent && !_whitespace))
        {
            PutBreak();
        }

        while (_column < indent)
        {
            Put(' ');
        }

        _whitespace = true;
        _indention = true;
    }

    private void WriteIndicator(string indicator, bool needWhitespace, bool isWhitespace, bool isIndention)
    {
        if (needWhitespace && !_whitespace)
        {
            Put(' ');
        }

        foreach (var c in indicator)
        {
            Put(c);
        }

        _whitespace = isWhitespace;
        _indention = _indention && isIndention;
    }

    /// <summary>A plain or single-quoted scalar: the two differ only in the quotes, doubled quotes and where a fold may go.</summary>
    private void WritePlainOrSingleQuoted(int[] value, bool allowBreaks, bool quoted)
    {
        if (quoted)
        {
            WriteIndicator("'", true, false, false);
        }
        else if (!_whitespace)
        {
            Put(' ');
        }

        var spaces = false;
        var breaks = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > Width && (!quoted || i > 0) && i + 1 < value.Length && value[i + 1] != ' ')
                {
                    WriteIndent();
                }
                else
                {
                    Write(c);
                }

                spaces = true;
            }
            else if (ScalarAnalysis.IsBreak(c))
            {
                if (!breaks && c == '\n')
                {
                    PutBreak();
                }

                WriteBreak(c);
                _indention = true;
                breaks = true;
            }
            else
            {
                if (breaks)
                {
                    WriteIndent();
                }

                if (quoted && c == '\'')
                {
                    Put('\'');
                }

                Write(c);
                _indention = false;
                spaces = false;
                breaks = false;
            }
        }

        if (quoted)
        {
            WriteIndicator("'", false, false, false);
        }

        _whitespace = false;
        _indention = false;
    }

    private void WriteDoubleQuoted(int[] value, bool allowBreaks)
    {
        WriteIndicator("\"", true, false, false);
        var spaces = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!ScalarAnalysis.IsPrintable(c) || c == 0xFEFF || ScalarAnalysis.IsBreak(c) || c == '"' || c == '\\')
            {
                Put('\\');
                var escape = c switch
                {
                    0x00 => "0",
                    0x07 => "a",
                    0x08 => "b",
                    0x09 => "t",
                    0x0A => "n",
                    0x0B => "v",
                    0x0C => "f",
                    0x0D => "r",
                    0x1B => "e",
                    0x22 => "\"",
                    0x5C => "\\",
                    0x85 => "N",
                    0xA0 => "_",
                    0x2028 => "L",
                    0x2029 => "P",
                    <= 0xFF => "x" + c.ToString("X2", System.Globalization.CultureInfo.InvariantCulture),
                    <= 0xFFFF => "u" + c.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
                    _ => "U" + c.ToString("X8", System.Globalization.CultureInfo.InvariantCulture),
                };
                foreach (var e in escape)
                {
                    Put(e);
                }

                spaces = false;
            }
            else if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > Width && i > 0 && i < value.Length - 1)
                {
                    WriteIndent();
                    if (value[i + 1] == ' ')
                    {
                        Put('\\');
                    }
                }
                else
                {
                    Write(c);
                }

                spaces = true;
            }
            else
            {
                Write(c);
                spaces = false;
            }
        }

        WriteIndicator("\"", false, false, false);
        _whitespace = false;
        _indention = false;
    }

    private void WriteLiteral(int[] value)
    {
        WriteIndicator("|", true, false, false);
        if (value.Length > 0 && (value[0] == ' ' || ScalarAnalysis.IsBreak(value[0])))
        {
            WriteIndicator(((char)('0' + _bestIndent)).ToString(), false, false, false);
        }

        var keep = value.Length > 0 && ScalarAnalysis.IsBreak(value[^1]) && (value.Length == 1 || ScalarAnalysis.IsBreak(value[^2]));
        var strip = value.Length == 0 || !ScalarAnalysis.IsBreak(value[^1]);
        if (keep || strip)
        {
            WriteIndicator(keep ? "+" : "-", false, false, false);
        }

        PutBreak();
        _indention = true;
        _whitespace = true;
        var breaks = true;
        foreach (var c in value)
        {
            if (ScalarAnalysis.IsBreak(c))
            {
                WriteBreak(c);
                _indention = true;
                breaks = true;
            }
            else
            {
                if (breaks)
                {
                    WriteIndent();
                }

                Write(c);
                _indention = false;
                breaks = false;
            }
        }
    }

    /// <summary>What a scalar's characters allow (libyaml's yaml_emitter_analyze_scalar), for a block context.</summary>
    private readonly record struct ScalarAnalysis(bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed)
    {
        public static bool IsBreak(int c) => c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

        private static bool IsBlank(int c) => c is ' ' or '\t';

        /// <summary>libyaml's printable set as go-yaml v2 tests it: no tab, no C1 controls, nothing beyond U+FFFF.</summary>
        public static bool IsPrintable(int c) =>
            c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);

        public static ScalarAnalysis Of(string text)
        {
            var value = text.EnumerateRunes().Select(r => r.Value).ToArray();
            if (value.Length == 0)
            {
                return new ScalarAnalysis(false, true, true, false);
            }

            var blockIndicators = value.Length >= 3 && ((value[0] == '-' && value[1] == '-' && value[2] == '-') || (value[0] == '.' && value[1] == '.' && value[2] == '.'));
            bool lineBreaks = false, specialCharacters = false, leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
            bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
            var precededByWhitespace = true;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                var followedByWhitespace = i + 1 >= value.Length || IsBlank(value[i + 1]);
                if (i == 0)
                {
                    blockIndicators |= c switch
                    {
                        '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' => true,
                        '?' or ':' or '-' => followedByWhitespace,
                        _ => false,
                    };
                }
                else
                {
                    blockIndicators |= (c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace);
                }

                if (!IsPrintable(c))
                {
                    specialCharacters = true;
                }

                if (c == ' ')
                {
                    leadingSpace |= i == 0;
                    trailingSpace |= i == value.Length - 1;
                    breakSpace |= previousBreak;
                    previousSpace = true;
                    previousBreak = false;
                }
                else if (IsBreak(c))
                {
                    lineBreaks = true;
                    leadingBreak |= i == 0;
                    trailingBreak |= i == value.Length - 1;
                    spaceBreak |= previousSpace;
                    previousSpace = false;
                    previousBreak = true;
                }
                else
                {
                    previousSpace = false;
                    previousBreak = false;
                }

                precededByWhitespace = IsBlank(c) || IsBreak(c) || c == 0;
            }

            var blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || specialCharacters || lineBreaks || blockIndicators);
            var singleQuoted = !(breakSpace || spaceBreak || specialCharacters);
            var block = !(trailingSpace || spaceBreak || specialCharacters);
            return new ScalarAnalysis(lineBreaks, blockPlain, singleQuoted, block);
        }
    }
}
