namespace Sveltos.Engine.Selection;

internal enum SelectorTokenKind
{
    Identifier,
    Not,
    Equal,
    DoubleEqual,
    NotEqual,
    In,
    NotIn,
    OpenParen,
    CloseParen,
    Comma,
    GreaterThan,
    LessThan,
    End,
}

/// <summary>A lexical token of a selector string; <see cref="Index"/> is 0-based.</summary>
internal readonly record struct SelectorToken(SelectorTokenKind Kind, string Text, int Index)
{
    public string Describe() => Kind == SelectorTokenKind.End ? "end of selector" : $"'{Text}'";
}
