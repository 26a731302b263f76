using System.Globalization;
using System.Text;

namespace Sveltos.Engine.Templates.Go;

internal enum TokenKind
{
    Text,
    Left,
    Right,
    Field,
    Dot,
    Variable,
    Identifier,
    Keyword,
    String,
    Number,
    Char,
    Bool,
    Nil,
    LeftParen,
    RightParen,
    Pipe,
    Declare,
    Assign,
    Comma,
    Eof,
}

internal readonly record struct Token(TokenKind Kind, string Value, int Position, bool SpaceBefore, object? Literal = null)
{
    public override string ToString() => Kind switch
    {
        TokenKind.Eof => "EOF",
        TokenKind.Left => "{{",
        TokenKind.Right => "}}",
        TokenKind.Keyword => "<" + Value + ">",
        _ => $"\"{Value}\"",
    };
}

/// <summary>
/// Splits template text into text and action tokens, applying the trim markers (<c>{{- </c> and <c> -}}</c> remove
/// the white space before and after an action) and dropping comments, as Go's text/template lexer does.
/// </summary>
internal sealed class GoLexer
{
    private static readonly HashSet<string> Keywords = ["block", "break", "continue", "define", "else", "end", "if", "range", "template", "with"];

    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private int _pos;

    private GoLexer(string text) => _text = text;

    public static List<Token> Lex(string text)
    {
        var lexer = new GoLexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetterOrDigit(c);

    private void Run()
    {
        var trimNext = false;
        while (_pos <= _text.Length)
        {
            var open = _text.IndexOf("{{", _pos, StringComparison.Ordinal);
            var end = open < 0 ? _text.Length : open;
            var trimLeft = open >= 0 && open + 3 < _text.Length && _text[open + 2] == '-' && IsSpace(_text[open + 3]);
            var segment = _text[_pos..end];
            var segmentStart = _pos;
            if (trimNext)
            {
                var trimmed = segment.TrimStart(' ', '\t', '\r', '\n');
                segmentStart += segment.Length - trimmed.Length;
                segment = trimmed;
            }

            if (trimLeft)
            {
                segment = segment.TrimEnd(' ', '\t', '\r', '\n');
            }

            if (segment.Length > 0)
            {
                _tokens.Add(new Token(TokenKind.Text, segment, segmentStart, false));
            }

            if (open < 0)
            {
                break;
            }

            _pos = open + (trimLeft ? 4 : 2);
            trimNext = _text.AsSpan(_pos).StartsWith("/*") ? LexComment(open) : LexAction(open);
        }

        _tokens.Add(new Token(TokenKind.Eof, "", _text.Length, false));
    }

    private bool LexComment(int open)
    {
        var close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new GoParseException("unclosed comment", open);
        }

        _pos = close + 2;
        if (_text.AsSpan(_pos).StartsWith("}}"))
        {
            _pos += 2;
            return false;
        }

        if (_pos + 3 < _text.Length + 1 && _pos < _text.Length && IsSpace(_text[_pos]) && _text.AsSpan(_pos + 1).StartsWith("-}}"))
        {
            _pos += 4;
            return true;
        }

        throw new GoParseException("comment ends before closing delimiter", open);
    }

    private bool LexAction(int open)
    {
        _tokens.Add(new Token(TokenKind.Left, "{{", open, false));
        var space = true;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new GoParseException("unclosed action", open);
            }

            var c = _text[_pos];
            if (IsSpace(c) && _text.AsSpan(_pos + 1).StartsWith("-}}"))
            {
                _tokens.Add(new Token(TokenKind.Right, "}}", _pos, true));
                _pos += 4;
                return true;
            }

            if (c == '}' && _text.AsSpan(_pos).StartsWith("}}"))
            {
                _tokens.Add(new Token(TokenKind.Right, "}}", _pos, space));
                _pos += 2;
                return false;
            }

            if (IsSpace(c))
            {
                _pos++;
                space = true;
                continue;
            }

            var start = _pos;
            _tokens.Add(Next(c, start, space));
            space = false;
        }
    }

    private Token Next(char c, int start, bool space)
    {
        switch (c)
        {
            case '"':
                return new Token(TokenKind.String, QuotedString(start), start, space);
            case '`':
                var close = _text.IndexOf('`', start + 1);
                if (close < 0)
                {
                    throw new GoParseException("unterminated raw quoted string", start);
                }

                _pos = close + 1;
                return new Token(TokenKind.String, _text[(start + 1)..close], start, space);
            case '\'':
                return CharConstant(start, space);
            case '$':
                _pos++;
                while (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
                {
                    _pos++;
                }

                return new Token(TokenKind.Variable, _text[start.._pos], start, space);
            case '.' when _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1]):
                return Number(start, space);
            case '.':
                _pos++;
                if (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
                {
                    while (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
                    {
                        _pos++;
                    }

                    return new Token(TokenKind.Field, _text[(start + 1).._pos], start, space);
                }

                return new Token(TokenKind.Dot, ".", start, space);
            case '(':
                _pos++;
                return new Token(TokenKind.LeftParen, "(", start, space);
            case ')':
                _pos++;
                return new Token(TokenKind.RightParen, ")", start, space);
            case '|':
                _pos++;
                return new Token(TokenKind.Pipe, "|", start, space);
            case ',':
                _pos++;
                return new Token(TokenKind.Comma, ",", start, space);
            case ':' when _pos + 1 < _text.Length && _text[_pos + 1] == '=':
                _pos += 2;
                return new Token(TokenKind.Declare, ":=", start, space);
            case '=':
                _pos++;
                return new Token(TokenKind.Assign, "=", start, space);
            case '+' or '-':
            case >= '0' and <= '9':
                return Number(start, space);
            default:
                if (IsAlphaNumeric(c))
                {
                    while (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
                    {
                        _pos++;
                    }

                    var word = _text[start.._pos];
                    return word switch
                    {
                        "true" or "false" => new Token(TokenKind.Bool, word, start, space, word == "true"),
                        "nil" => new Token(TokenKind.Nil, word, start, space),
                        _ when Keywords.Contains(word) => new Token(TokenKind.Keyword, word, start, space),
                        _ => new Token(TokenKind.Identifier, word, start, space),
                    };
                }

                throw new GoParseException($"unexpected {Describe(c)} in command", start);
        }
    }

    private static string Describe(char c) => c == '}' ? "\"}\"" : $"bad character U+{(int)c:X4} '{c}'";

    private Token Number(int start, bool space)
    {
        _pos = GoNumberLiteral.Scan(_text, start, out var complex);
        var text = _text[start.._pos];
        return new Token(TokenKind.Number, text, start, space, GoNumberLiteral.Parse(text, start, complex));
    }

    private Token CharConstant(int start, bool space)
    {
        _pos = start + 1;
        var value = new StringBuilder();
        ReadEscapedUntil('\'', value, start, "unterminated character constant");
        var text = value.ToString();
        if (text.Length == 0 || char.ConvertToUtf32(text, 0) is var rune && char.ConvertFromUtf32(rune).Length != text.Length)
        {
            throw new GoParseException($"malformed character constant: {_text[start.._pos]}", start);
        }

        return new Token(TokenKind.Char, _text[start.._pos], start, space, (long)rune);
    }

    private string QuotedString(int start)
    {
        _pos = start + 1;
        var value = new StringBuilder();
        ReadEscapedUntil('"', value, start, "unterminated quoted string");
        return value.ToString();
    }

    private void ReadEscapedUntil(char quote, StringBuilder value, int start, string unterminated)
    {
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw new GoParseException(unterminated, start);
            }

            var c = _text[_pos++];
            if (c == quote)
            {
                return;
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw new GoParseException(unterminated, start);
            }

            var e = _text[_pos++];
            switch (e)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'v': value.Append('\v'); break;
                case '\\' or '\'' or '"': value.Append(e); break;
                case 'x': value.Append((char)Hex(2, start)); break;
                case 'u': value.Append(char.ConvertFromUtf32(Hex(4, start))); break;
                case 'U': value.Append(char.ConvertFromUtf32(Hex(8, start))); break;
                case >= '0' and <= '7':
                    _pos--;
                    value.Append((char)Convert.ToInt32(Take(3, start), 8));
                    break;
                default:
                    throw new GoParseException("unknown escape sequence", start);
            }
        }
    }

    private int Hex(int length, int start) => int.Parse(Take(length, start), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private string Take(int length, int start)
    {
        if (_pos + length > _text.Length)
        {
            throw new GoParseException("invalid escape sequence", start);
        }

        var part = _text.Substring(_pos, length);
        _pos += length;
        return part;
    }
}
