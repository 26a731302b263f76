namespace Sveltos.Engine.Selection;

/// <summary>Parses the Kubernetes label selector string syntax (the grammar of k8s.io/apimachinery labels.Parse).</summary>
internal sealed class LabelSelectorParser
{
    private readonly string _text;
    private readonly List<SelectorToken> _tokens;
    private int _next;

    private LabelSelectorParser(string text)
    {
        _text = text;
        _tokens = SelectorLexer.Tokenize(text);
    }

    public static IReadOnlyList<LabelRequirement> Parse(string text) => new LabelSelectorParser(text).ParseSelector();

    private SelectorToken Peek => _tokens[_next];

    private SelectorToken Take() => _tokens[_next++];

    private List<LabelRequirement> ParseSelector()
    {
        var requirements = new List<LabelRequirement>();
        if (Peek.Kind == SelectorTokenKind.End)
        {
            return requirements;
        }

        while (true)
        {
            requirements.Add(ParseRequirement());
            var separator = Take();
            switch (separator.Kind)
            {
                case SelectorTokenKind.End:
                    return requirements;
                case SelectorTokenKind.Comma when Peek.Kind == SelectorTokenKind.End:
                    throw Fail(Peek, "expected a requirement after ','");
                case SelectorTokenKind.Comma:
                    continue;
                default:
                    throw Fail(separator, $"expected ',' or end of selector, found {separator.Describe()}");
            }
        }
    }

    private LabelRequirement ParseRequirement()
    {
        if (Peek.Kind == SelectorTokenKind.Not)
        {
            Take();
            var negated = TakeKey("after '!'");
            return Build(negated, SelectorOperator.DoesNotExist, []);
        }

        var key = TakeKey("");
        var op = Peek;
        switch (op.Kind)
        {
            case SelectorTokenKind.End or SelectorTokenKind.Comma:
                return Build(key, SelectorOperator.Exists, []);
            case SelectorTokenKind.Equal or SelectorTokenKind.DoubleEqual or SelectorTokenKind.NotEqual:
                Take();
                var value = TakeExactValue();
                var equality = op.Kind == SelectorTokenKind.NotEqual ? SelectorOperator.NotEqual : SelectorOperator.Equal;
                return Build(key, equality, [value]);
            case SelectorTokenKind.In or SelectorTokenKind.NotIn:
                Take();
                var set = TakeValueSet(op);
                return Build(key, op.Kind == SelectorTokenKind.In ? SelectorOperator.In : SelectorOperator.NotIn, set);
            case SelectorTokenKind.GreaterThan or SelectorTokenKind.LessThan:
                throw Fail(op, $"operator {op.Describe()} is not supported in a label selector; use =, ==, !=, in, notin, a key alone or !key");
            default:
                throw Fail(op, $"expected an operator (=, ==, !=, in, notin) or ',' after '{key.Text}', found {op.Describe()}");
        }
    }

    private SelectorToken TakeKey(string context)
    {
        var token = Take();
        if (token.Kind != SelectorTokenKind.Identifier)
        {
            var where = context.Length == 0 ? "" : $" {context}";
            throw Fail(token, $"expected a label key{where}, found {token.Describe()}");
        }

        return token;
    }

    private SelectorToken TakeExactValue()
    {
        var token = Peek;
        if (token.Kind is SelectorTokenKind.End or SelectorTokenKind.Comma)
        {
            return token with { Kind = SelectorTokenKind.Identifier, Text = "" };
        }

        if (!IsValueToken(token))
        {
            throw Fail(token, $"expected a value, found {token.Describe()}");
        }

        return Take();
    }

    private List<SelectorToken> TakeValueSet(SelectorToken op)
    {
        var open = Take();
        if (open.Kind != SelectorTokenKind.OpenParen)
        {
            throw Fail(open, $"expected '(' after '{op.Text}', found {open.Describe()}");
        }

        if (Peek.Kind == SelectorTokenKind.CloseParen)
        {
            throw Fail(Peek, $"the values of '{op.Text}' must not be empty");
        }

        var values = new List<SelectorToken>();
        while (true)
        {
            var item = Peek;
            values.Add(IsValueToken(item) ? Take() : item with { Kind = SelectorTokenKind.Identifier, Text = "" });
            var after = Take();
            switch (after.Kind)
            {
                case SelectorTokenKind.CloseParen:
                    return values;
                case SelectorTokenKind.Comma:
                    continue;
                case SelectorTokenKind.End:
                    throw Fail(after, "missing ')'");
                default:
                    throw Fail(after, $"expected ',' or ')', found {after.Describe()}");
            }
        }
    }

    private static bool IsValueToken(SelectorToken token) =>
        token.Kind is SelectorTokenKind.Identifier or SelectorTokenKind.In or SelectorTokenKind.NotIn;

    private LabelRequirement Build(SelectorToken key, SelectorOperator op, List<SelectorToken> values)
    {
        if (LabelSyntax.CheckKey(key.Text) is { } keyProblem)
        {
            throw Fail(key, keyProblem);
        }

        foreach (var value in values)
        {
            if (LabelSyntax.CheckValue(value.Text) is { } valueProblem)
            {
                throw Fail(value, valueProblem);
            }
        }

        var problem = LabelRequirement.TryCreate(key.Text, op, values.Select(v => v.Text), out var requirement);
        return problem is null ? requirement! : throw Fail(key, problem);
    }

    private SelectorParseException Fail(SelectorToken at, string problem) => new(_text, at.Index + 1, null, problem);
}
