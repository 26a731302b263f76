namespace Sveltos.Engine.Selection;

/// <summary>Splits a selector string into tokens the way the Kubernetes labels lexer does.</summary>
internal static class SelectorLexer
{
    public static List<SelectorToken> Tokenize(string text)
    {
        var tokens = new List<SelectorToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (IsSpecial(c))
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
                var (kind, length) = (c, two) switch
                {
                    (_, "!=") => (SelectorTokenKind.NotEqual, 2),
                    (_, "==") => (SelectorTokenKind.DoubleEqual, 2),
                    ('!', _) => (SelectorTokenKind.Not, 1),
                    ('=', _) => (SelectorTokenKind.Equal, 1),
                    ('(', _) => (SelectorTokenKind.OpenParen, 1),
                    (')', _) => (SelectorTokenKind.CloseParen, 1),
                    (',', _) => (SelectorTokenKind.Comma, 1),
                    ('>', _) => (SelectorTokenKind.GreaterThan, 1),
                    _ => (SelectorTokenKind.LessThan, 1),
                };
                tokens.Add(new SelectorToken(kind, text.Substring(i, length), i));
                i += length;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsSpecial(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            var wordKind = word switch
            {
                "in" => SelectorTokenKind.In,
                "notin" => SelectorTokenKind.NotIn,
                _ => SelectorTokenKind.Identifier,
            };
            tokens.Add(new SelectorToken(wordKind, word, start));
        }

        tokens.Add(new SelectorToken(SelectorTokenKind.End, "", text.Length));
        return tokens;
    }

    private static bool IsSpecial(char c) => c is '!' or '=' or '(' or ')' or ',' or '>' or '<';
}
