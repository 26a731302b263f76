namespace Sveltos.Engine.Templates.Go;

/// <summary>A syntax error at an offset of the template text.</summary>
internal sealed class GoParseException(string message, int position, string errorId = TemplateErrorIds.SyntaxError) : Exception(message)
{
    public int Position { get; } = position;

    public string ErrorId { get; } = errorId;
}

/// <summary>
/// Builds the parse tree of a template and its <c>define</c>/<c>block</c> templates, checking at parse time what Go
/// checks then: known functions, declared variables, break/continue inside range, one definition per name.
/// </summary>
internal sealed class GoParser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly Func<string, bool> _isFunction;
    private readonly Dictionary<string, ListNode> _templates;
    private List<string> _variables = ["$"];
    private int _index;
    private int _rangeDepth;

    private GoParser(string text, Func<string, bool> isFunction, Dictionary<string, ListNode> templates)
    {
        _text = text;
        _tokens = GoLexer.Lex(text);
        _isFunction = isFunction;
        _templates = templates;
    }

    /// <summary>Parses <paramref name="text"/>; its definitions are added to <paramref name="templates"/> (Go's treeSet of one Parse call: a second non-empty definition of a name is an error).</summary>
    public static ListNode Parse(string text, Func<string, bool> isFunction, Dictionary<string, ListNode> templates)
    {
        var parser = new GoParser(text, isFunction, templates);
        return parser.ParseTop();
    }

    private Token Peek(int ahead = 0) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Next() => _tokens[Math.Min(_index++, _tokens.Count - 1)];

    private Token Expect(TokenKind kind, string context)
    {
        var token = Next();
        return token.Kind == kind ? token : throw Unexpected(token, context);
    }

    private static GoParseException Unexpected(Token token, string context) =>
        token.Kind == TokenKind.Eof
            ? new GoParseException($"unexpected EOF", token.Position)
            : new GoParseException($"unexpected {token} in {context}", token.Position);

    private ListNode ParseTop()
    {
        var main = new ListNode(0);
        while (Peek().Kind != TokenKind.Eof)
        {
            var token = Next();
            if (token.Kind == TokenKind.Text)
            {
                main.Nodes.Add(new TextNode(token.Position, token.Value));
                continue;
            }

            if (Peek() is { Kind: TokenKind.Keyword, Value: "define" })
            {
                Next();
                Define(token.Position);
                continue;
            }

            if (Peek() is { Kind: TokenKind.Keyword, Value: "end" or "else" } stray)
            {
                throw new GoParseException($"unexpected {{{{{stray.Value}}}}}", stray.Position);
            }

            main.Nodes.Add(Action(token.Position));
        }

        return main;
    }

    private void Define(int position)
    {
        var name = Expect(TokenKind.String, "define clause");
        Expect(TokenKind.Right, "define clause");
        var saved = _variables;
        _variables = ["$"];
        var (body, stop) = ParseList();
        _variables = saved;
        if (stop.Value != "end")
        {
            throw new GoParseException("unexpected {{else}} in define clause", stop.Position);
        }

        Expect(TokenKind.Right, "end");
        AddTemplate(name.Value, body, position);
    }

    private void AddTemplate(string name, ListNode body, int position)
    {
        if (_templates.TryGetValue(name, out var existing) && !GoTemplate.IsEmptyTree(existing) && !GoTemplate.IsEmptyTree(body))
        {
            throw new GoParseException($"template: multiple definition of template \"{name}\"", position);
        }

        if (!_templates.ContainsKey(name) || !GoTemplate.IsEmptyTree(body))
        {
            _templates[name] = body;
        }
    }

    /// <summary>Nodes up to an <c>{{end}}</c> or <c>{{else</c>; returns the keyword token (its action's rest is left to the caller).</summary>
    private (ListNode List, Token Stop) ParseList()
    {
        var list = new ListNode(Peek().Position);
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case TokenKind.Text:
                    list.Nodes.Add(new TextNode(token.Position, token.Value));
                    break;
                case TokenKind.Left when Peek() is { Kind: TokenKind.Keyword, Value: "end" or "else" }:
                    return (list, Next());
                case TokenKind.Left when Peek() is { Kind: TokenKind.Keyword, Value: "define" } define:
                    throw new GoParseException("unexpected <define> in command", define.Position);
                case TokenKind.Left:
                    list.Nodes.Add(Action(token.Position));
                    break;
                case TokenKind.Eof:
                    throw new GoParseException("unexpected EOF", token.Position);
                default:
                    throw Unexpected(token, "input");
            }
        }
    }

    private GoNode Action(int position)
    {
        var token = Peek();
        if (token.Kind == TokenKind.Keyword)
        {
            Next();
            switch (token.Value)
            {
                case "if":
                    return Control(BranchKind.If, token.Position);
                case "range":
                    _rangeDepth++;
                    try
                    {
                        return Control(BranchKind.Range, token.Position);
                    }
                    finally
                    {
                        _rangeDepth--;
                    }

                case "with":
                    return Control(BranchKind.With, token.Position);
                case "template":
                    return TemplateCall(token.Position);
                case "block":
                    return Block(token.Position);
                case "break" or "continue":
                    if (_rangeDepth == 0)
                    {
                        throw new GoParseException($"{{{{{token.Value}}}}} outside {{{{range}}}}", token.Position);
                    }

                    Expect(TokenKind.Right, token.Value);
                    return token.Value == "break" ? new BreakNode(token.Position) : new ContinueNode(token.Position);
                default:
                    throw new GoParseException($"unexpected {token} in command", token.Position);
            }
        }

        var pipe = Pipeline("command", TokenKind.Right, allowDeclarations: 1);
        return new ActionNode(position, pipe);
    }

    private BranchNode Control(BranchKind kind, int position)
    {
        var context = kind.ToString().ToLowerInvariant();
        var saved = _variables.Count;
        var pipe = Pipeline(context, TokenKind.Right, allowDeclarations: kind == BranchKind.Range ? 2 : 1);
        var (list, stop) = ParseList();
        ListNode? elseList = null;
        if (stop.Value == "else")
        {
            var chained = kind != BranchKind.Range && Peek() is { Kind: TokenKind.Keyword } next && next.Value == context;
            if (chained)
            {
                // {{else if}} and {{else with}} nest a branch that ends at this branch's {{end}}.
                var keyword = Next();
                elseList = new ListNode(keyword.Position);
                elseList.Nodes.Add(Control(kind, keyword.Position));
                TrimVariables(saved);
                return new BranchNode(position, kind, pipe, list, elseList);
            }

            Expect(TokenKind.Right, "else");
            (elseList, stop) = ParseList();
            if (stop.Value != "end")
            {
                throw new GoParseException($"expected end; found {{{{else}}}}", stop.Position);
            }
        }

        Expect(TokenKind.Right, "end");
        TrimVariables(saved);
        return new BranchNode(position, kind, pipe, list, elseList);
    }

    private void TrimVariables(int count) => _variables.RemoveRange(count, _variables.Count - count);

    private TemplateCallNode TemplateCall(int position)
    {
        var name = Expect(TokenKind.String, "template clause");
        PipeNode? pipe = null;
        if (Peek().Kind != TokenKind.Right)
        {
            pipe = Pipeline("template clause", TokenKind.Right, allowDeclarations: 1);
        }
        else
        {
            Next();
        }

        return new TemplateCallNode(position, name.Value, pipe);
    }

    private TemplateCallNode Block(int position)
    {
        var name = Expect(TokenKind.String, "block clause");
        var pipe = Pipeline("block clause", TokenKind.Right, allowDeclarations: 1);
        var saved = _variables;
        var savedRange = _rangeDepth;
        _variables = ["$"];
        _rangeDepth = 0;
        var (body, stop) = ParseList();
        _variables = saved;
        _rangeDepth = savedRange;
        if (stop.Value != "end")
        {
            throw new GoParseException("unexpected {{else}} in block clause", stop.Position);
        }

        Expect(TokenKind.Right, "end");
        AddTemplate(name.Value, body, position);
        return new TemplateCallNode(position, name.Value, pipe);
    }

    /// <summary>A pipeline up to <paramref name="end"/> (consumed), with optional <c>$x :=</c>, <c>$x =</c> or <c>$i, $v :=</c>.</summary>
    private PipeNode Pipeline(string context, TokenKind end, int allowDeclarations)
    {
        var start = Peek().Position;
        var declarations = new List<string>();
        var isAssign = false;
        if (allowDeclarations > 0 && Peek().Kind == TokenKind.Variable)
        {
            if (Peek(1).Kind is TokenKind.Declare or TokenKind.Assign)
            {
                var variable = Next();
                isAssign = Next().Kind == TokenKind.Assign;
                declarations.Add(variable.Value);
            }
            else if (allowDeclarations > 1 && Peek(1).Kind == TokenKind.Comma && Peek(2).Kind == TokenKind.Variable && Peek(3).Kind is TokenKind.Declare or TokenKind.Assign)
            {
                declarations.Add(Next().Value);
                Next();
                declarations.Add(Next().Value);
                isAssign = Next().Kind == TokenKind.Assign;
            }
            else if (Peek(1).Kind == TokenKind.Comma)
            {
                throw new GoParseException($"too many declarations in {context}", Peek(1).Position);
            }

            if (isAssign)
            {
                foreach (var name in declarations)
                {
                    CheckVariable(name, start);
                }
            }
        }

        var commands = new List<CommandNode>();
        while (true)
        {
            var token = Peek();
            if (token.Kind == end)
            {
                Next();
                break;
            }

            if (token.Kind == TokenKind.Eof || (token.Kind == TokenKind.Right && end != TokenKind.Right))
            {
                throw token.Kind == TokenKind.Eof ? new GoParseException("unclosed action", start) : new GoParseException("unclosed left paren", start);
            }

            commands.Add(Command(end));
            if (Peek().Kind == TokenKind.Pipe)
            {
                var pipe = Next();
                if (Peek().Kind == end)
                {
                    throw new GoParseException("missing command after |", pipe.Position);
                }
            }
        }

        if (commands.Count == 0)
        {
            throw new GoParseException($"missing value for {context}", start);
        }

        for (var i = 1; i < commands.Count; i++)
        {
            if (commands[i].Args[0] is LiteralNode or NilNode or DotNode)
            {
                throw new GoParseException($"non executable command in pipeline stage {i + 1}", commands[i].Position);
            }
        }

        if (!isAssign)
        {
            _variables.AddRange(declarations);
        }

        return new PipeNode(start, declarations, isAssign, commands);
    }

    private void CheckVariable(string name, int position)
    {
        if (!_variables.Contains(name))
        {
            throw new GoParseException($"undefined variable \"{name}\"", position);
        }
    }

    private CommandNode Command(TokenKind end)
    {
        var start = Peek().Position;
        var args = new List<GoNode>();
        while (true)
        {
            var token = Peek();
            if (token.Kind == end || token.Kind == TokenKind.Pipe || token.Kind == TokenKind.Right || token.Kind == TokenKind.Eof)
            {
                break;
            }

            if (args.Count > 0 && !token.SpaceBefore && token.Kind != TokenKind.RightParen)
            {
                throw Unexpected(token, "operand");
            }

            args.Add(Operand());
        }

        if (args.Count == 0)
        {
            throw new GoParseException("missing value for command", start);
        }

        return new CommandNode(start, args);
    }

    private GoNode Operand()
    {
        var node = Term();
        if (Peek() is not { Kind: TokenKind.Field, SpaceBefore: false })
        {
            return node;
        }

        var fields = new List<string>();
        while (Peek() is { Kind: TokenKind.Field, SpaceBefore: false })
        {
            fields.Add(Next().Value);
        }

        return node switch
        {
            FieldNode field => new FieldNode(field.Position, [.. field.Names, .. fields]),
            VariableNode variable => new VariableNode(variable.Position, variable.Name, [.. variable.Fields, .. fields]),
            PipeNode or IdentifierNode => new ChainNode(node.Position, node, [.. fields]),
            _ => throw new GoParseException($"unexpected . after term \"{node}\"", node.Position),
        };
    }

    private GoNode Term()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                if (!_isFunction(token.Value))
                {
                    throw GoFunctions.Withheld(token.Value) is { } why
                        ? new GoParseException($"function \"{token.Value}\" not defined: {why}", token.Position, TemplateErrorIds.Forbidden)
                        : new GoParseException($"function \"{token.Value}\" not defined", token.Position);
                }

                return new IdentifierNode(token.Position, token.Value);
            case TokenKind.Dot:
                return new DotNode(token.Position);
            case TokenKind.Nil:
                return new NilNode(token.Position);
            case TokenKind.Variable:
                CheckVariable(token.Value, token.Position);
                return new VariableNode(token.Position, token.Value, []);
            case TokenKind.Field:
                return new FieldNode(token.Position, [token.Value]);
            case TokenKind.Bool or TokenKind.Number or TokenKind.Char:
                return new LiteralNode(token.Position, token.Literal!, token.Value);
            case TokenKind.String:
                return new LiteralNode(token.Position, token.Value, _text[token.Position..TokenEnd(token)]);
            case TokenKind.LeftParen:
                return Pipeline("parenthesized pipeline", TokenKind.RightParen, allowDeclarations: 1);
            default:
                throw Unexpected(token, "operand");
        }
    }

    private int TokenEnd(Token token) => _tokens[_index].Position > token.Position ? Math.Min(_text.Length, TrimmedEnd(token)) : _text.Length;

    private int TrimmedEnd(Token token)
    {
        var next = _tokens[_index].Position;
        while (next > token.Position + 1 && char.IsWhiteSpace(_text[next - 1]))
        {
            next--;
        }

        return next;
    }
}
