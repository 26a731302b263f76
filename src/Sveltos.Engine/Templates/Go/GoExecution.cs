using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// One rendering: the output, the variable stack, and the counters the limits apply to. Created per rendering, so the
/// shared parse trees and function table are only read.
/// </summary>
internal sealed class GoExecution
{
    private readonly GoTemplateSet _set;
    private readonly StringBuilder _output;
    private readonly CancellationToken _cancellationToken;
    private List<(string Name, object? Value)> _variables = [];
    private Dictionary<string, ListNode>? _localTemplates;
    private string _templateName;
    private int _depth;
    private int _iterations;

    public GoExecution(GoTemplateSet set, StringBuilder output, TemplateData? data, CancellationToken cancellationToken)
    {
        _set = set;
        _output = output;
        Data = data;
        _cancellationToken = cancellationToken;
        _templateName = set.Name;
    }

    public TemplateLimits Limits => _set.Limits;

    public GoTemplateOptions Options => _set.Options;

    /// <summary>The Sveltos data of the rendering, when it renders for a cluster (getResource, copy, ...).</summary>
    public TemplateData? Data { get; }

    public void Run(ListNode root, object? dot, string name)
    {
        _templateName = name;
        _variables.Add(("$", dot));
        Walk(dot, root);
    }

    /// <summary>A named template's output as a string (Helm's include).</summary>
    public string Include(string name, object? dot)
    {
        var body = FindTemplate(name) ?? throw new GoFunctionException($"template: no template \"{name}\" associated with template \"{_set.Name}\"");
        var start = _output.Length;
        Invoke(name, body, dot, 0);
        var text = _output.ToString(start, _output.Length - start);
        _output.Length = start;
        return text;
    }

    /// <summary>Parses and renders text at run time with this rendering's functions and templates (Helm's tpl).</summary>
    public string Tpl(string text, object? dot)
    {
        _localTemplates ??= new Dictionary<string, ListNode>(StringComparer.Ordinal);
        ListNode root;
        try
        {
            root = GoParser.Parse(text, GoFunctions.IsDefined, _localTemplates);
        }
        catch (GoParseException e)
        {
            throw new GoFunctionException($"template: tpl:{Line(text, e.Position)}: {e.Message}", e.ErrorId);
        }

        var start = _output.Length;
        try
        {
            Invoke("tpl", root, dot, 0);
        }
        catch (GoExecException e)
        {
            throw new GoFunctionException(e.Message, e.ErrorId);
        }

        var result = _output.ToString(start, _output.Length - start);
        _output.Length = start;
        return result;
    }

    private static int Line(string text, int position) => text.AsSpan(0, Math.Min(position, text.Length)).Count('\n') + 1;

    /// <summary>Fails when a string a function builds would pass the output limit.</summary>
    public string Bounded(string text) =>
        text.Length <= Limits.MaxOutputLength
            ? text
            : throw new GoFunctionException($"the text is longer than the output limit of {Limits.MaxOutputLength} characters", TemplateErrorIds.LimitExceeded);

    /// <summary>Fails when a list a function builds would pass the loop limit.</summary>
    public void CountItems(long count)
    {
        if (count > Limits.MaxLoopIterations)
        {
            throw new GoFunctionException($"a list of {count} items is longer than the loop limit of {Limits.MaxLoopIterations}", TemplateErrorIds.LimitExceeded);
        }
    }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    private ListNode? FindTemplate(string name) =>
        _localTemplates is not null && _localTemplates.TryGetValue(name, out var local) ? local : _set.Templates.GetValueOrDefault(name);

    private void Invoke(string name, ListNode body, object? dot, int position)
    {
        if (_depth >= Limits.MaxRecursionDepth)
        {
            throw Error(TemplateErrorIds.LimitExceeded, position, $"exceeded maximum template depth ({Limits.MaxRecursionDepth})");
        }

        var (savedVariables, savedName) = (_variables, _templateName);
        _variables = [("$", dot)];
        _templateName = name;
        _depth++;
        try
        {
            Walk(dot, body);
        }
        finally
        {
            _depth--;
            (_variables, _templateName) = (savedVariables, savedName);
        }
    }

    private Flow Walk(object? dot, GoNode node)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (node)
        {
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    var flow = Walk(dot, child);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;
            case TextNode text:
                Write(text.Text, text.Position);
                return Flow.Normal;
            case ActionNode action:
                var value = EvalPipeline(dot, action.Pipe);
                if (action.Pipe.Declarations.Count == 0)
                {
                    Write(value is null ? "<no value>" : GoValues.Sprint(value), action.Position);
                }

                return Flow.Normal;
            case BranchNode { Kind: BranchKind.Range } range:
                return WalkRange(dot, range);
            case BranchNode branch:
                return WalkIfOrWith(dot, branch);
            case TemplateCallNode call:
                var body = FindTemplate(call.Name)
                    ?? throw Error(TemplateErrorIds.RuntimeError, call.Position, $"template \"{call.Name}\" not defined", at: $"{{{{template \"{call.Name}\"}}}}");
                var newDot = call.Pipe is null ? null : EvalPipeline(dot, call.Pipe);
                Invoke(call.Name, body, newDot, call.Position);
                return Flow.Normal;
            case BreakNode:
                return Flow.Break;
            case ContinueNode:
                return Flow.Continue;
            default:
                throw Error(TemplateErrorIds.RuntimeError, node.Position, $"unknown node: {node}");
        }
    }

    private Flow WalkIfOrWith(object? dot, BranchNode branch)
    {
        var mark = _variables.Count;
        try
        {
            var value = EvalPipeline(dot, branch.Pipe);
            if (GoValues.IsTrue(value))
            {
                return Walk(branch.Kind == BranchKind.With ? value : dot, branch.List);
            }

            return branch.ElseList is null ? Flow.Normal : Walk(dot, branch.ElseList);
        }
        finally
        {
            Pop(mark);
        }
    }

    private Flow WalkRange(object? dot, BranchNode range)
    {
        var mark = _variables.Count;
        try
        {
            var value = EvalPipeline(dot, range.Pipe);
            var declarations = range.Pipe.Declarations;
            var any = false;
            switch (value)
            {
                case List<object?> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        any = true;
                        if (Iterate(range, (long)i, list[i]) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case Dictionary<string, object?> map:
                    foreach (var key in map.Keys.Order(StringComparer.Ordinal).ToList())
                    {
                        any = true;
                        if (Iterate(range, key, map.GetValueOrDefault(key)) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case long count:
                    if (declarations.Count > 1)
                    {
                        throw Error(TemplateErrorIds.RuntimeError, range.Position, "can't use $i, $v := with range over int: only one iteration variable is allowed");
                    }

                    for (long i = 0; i < count; i++)
                    {
                        any = true;
                        if (Iterate(range, i, i) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case null:
                    break;
                default:
                    throw Error(TemplateErrorIds.RuntimeError, range.Position, $"range can't iterate over {GoValues.Sprint(value)}");
            }

            if (!any && range.ElseList is not null)
            {
                Walk(dot, range.ElseList);
            }

            return Flow.Normal;
        }
        finally
        {
            Pop(mark);
        }
    }

    private Flow Iterate(BranchNode range, object? key, object? element)
    {
        if (++_iterations > Limits.MaxLoopIterations)
        {
            throw Error(TemplateErrorIds.LimitExceeded, range.Position, $"range ran more than {Limits.MaxLoopIterations} iterations (the loop limit)");
        }

        var declarations = range.Pipe.Declarations;
        if (declarations.Count == 1)
        {
            SetVariable(declarations[0], element);
        }
        else if (declarations.Count == 2)
        {
            SetVariable(declarations[0], key);
            SetVariable(declarations[1], element);
        }

        var mark = _variables.Count;
        try
        {
            return Walk(element, range.List) == Flow.Break ? Flow.Break : Flow.Normal;
        }
        finally
        {
            Pop(mark);
        }
    }

    private void Pop(int mark) => _variables.RemoveRange(mark, _variables.Count - mark);

    private void SetVariable(string name, object? value)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == name)
            {
                _variables[i] = (name, value);
                return;
            }
        }

        _variables.Add((name, value));
    }

    private object? Variable(string name, int position)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == name)
            {
                return _variables[i].Value;
            }
        }

        throw Error(TemplateErrorIds.RuntimeError, position, $"undefined variable: {name}");
    }

    private void Write(string text, int position)
    {
        if (_output.Length + (long)text.Length > Limits.MaxOutputLength)
        {
            throw Error(TemplateErrorIds.LimitExceeded, position, $"the output is longer than the limit of {Limits.MaxOutputLength} characters");
        }

        _output.Append(text);
    }

    private object? EvalPipeline(object? dot, PipeNode pipe)
    {
        object? value = null;
        var hasFinal = false;
        foreach (var command in pipe.Commands)
        {
            value = EvalCommand(dot, command, value, hasFinal);
            hasFinal = true;
        }

        foreach (var name in pipe.Declarations)
        {
            if (pipe.IsAssign)
            {
                SetVariable(name, value);
            }
            else
            {
                _variables.Add((name, value));
            }
        }

        return value;
    }

    private object? EvalCommand(object? dot, CommandNode command, object? final, bool hasFinal)
    {
        var first = command.Args[0];
        switch (first)
        {
            case FieldNode field:
                return EvalFieldChain(dot, dot, field, field.Names, command, final, hasFinal, fromDot: true);
            case ChainNode chain:
                return EvalChain(dot, chain, command, final, hasFinal);
            case IdentifierNode identifier:
                return EvalFunction(dot, identifier, command, final, hasFinal);
            case VariableNode variable:
                return EvalVariable(dot, variable, command, final, hasFinal);
        }

        NotAFunction(command, hasFinal);
        return first switch
        {
            PipeNode pipe => EvalPipeline(dot, pipe),
            LiteralNode literal => literal.Value,
            DotNode => dot,
            NilNode => throw Error(TemplateErrorIds.RuntimeError, first.Position, "nil is not a command", at: command.Text),
            _ => throw Error(TemplateErrorIds.RuntimeError, first.Position, $"can't evaluate command {first}"),
        };
    }

    private void NotAFunction(CommandNode command, bool hasFinal)
    {
        if (command.Args.Count > 1 || hasFinal)
        {
            throw Error(TemplateErrorIds.RuntimeError, command.Position, $"can't give argument to non-function {command.Args[0]}", at: command.Text);
        }
    }

    private object? EvalArg(object? dot, GoNode node) => node switch
    {
        DotNode => dot,
        NilNode => null,
        LiteralNode literal => literal.Value,
        FieldNode field => EvalFieldChain(dot, dot, field, field.Names, null, null, false, fromDot: true),
        VariableNode variable => EvalVariable(dot, variable, null, null, false),
        PipeNode pipe => EvalPipeline(dot, pipe),
        IdentifierNode identifier => EvalFunction(dot, identifier, null, null, false),
        ChainNode chain => EvalChain(dot, chain, null, null, false),
        _ => throw Error(TemplateErrorIds.RuntimeError, node.Position, $"can't handle {node} for arg"),
    };

    private object? EvalVariable(object? dot, VariableNode variable, CommandNode? command, object? final, bool hasFinal)
    {
        var value = Variable(variable.Name, variable.Position);
        if (variable.Fields.Length == 0)
        {
            if (command is not null)
            {
                NotAFunction(command, hasFinal);
            }

            return value;
        }

        return EvalFieldChain(dot, value, variable, variable.Fields, command, final, hasFinal, fromDot: false);
    }

    private object? EvalChain(object? dot, ChainNode chain, CommandNode? command, object? final, bool hasFinal)
    {
        var receiver = EvalArg(dot, chain.Node);
        return EvalFieldChain(dot, receiver, chain, chain.Fields, command, final, hasFinal, fromDot: false);
    }

    private object? EvalFieldChain(object? dot, object? receiver, GoNode node, string[] names, CommandNode? command, object? final, bool hasFinal, bool fromDot)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (i == names.Length - 1 && command is not null && (command.Args.Count > 1 || hasFinal))
            {
                throw Error(TemplateErrorIds.RuntimeError, node.Position, $"{names[i]} is not a method but has arguments", at: node.ToString());
            }

            receiver = EvalField(receiver, names[i], node, fromDot && i == 0);
        }

        return receiver;
    }

    private object? EvalField(object? receiver, string name, GoNode node, bool isData)
    {
        switch (receiver)
        {
            case Dictionary<string, object?> map:
                if (map.TryGetValue(name, out var value))
                {
                    return value;
                }

                return Options.MissingKey == GoMissingKey.Error
                    ? throw Error(TemplateErrorIds.MissingKey, node.Position, $"map has no entry for key \"{name}\"", at: node.ToString())
                    : null;
            case null when isData:
                return Options.MissingKey == GoMissingKey.Error
                    ? throw Error(TemplateErrorIds.MissingKey, node.Position, $"nil data; no entry for key \"{name}\"", at: node.ToString())
                    : null;
            case null:
                throw Error(TemplateErrorIds.MissingKey, node.Position, $"nil pointer evaluating interface {{}}.{name}", at: node.ToString());
            default:
                throw Error(TemplateErrorIds.RuntimeError, node.Position, $"can't evaluate field {name} in type {GoValues.TypeName(receiver)}", at: node.ToString());
        }
    }

    private object? EvalFunction(object? dot, IdentifierNode identifier, CommandNode? command, object? final, bool hasFinal)
    {
        var name = identifier.Name;
        var argCount = command is null ? 0 : command.Args.Count - 1;
        var count = argCount + (hasFinal ? 1 : 0);
        var at = command?.Text ?? name;
        var position = command?.Position ?? identifier.Position;
        if (name is "and" or "or")
        {
            if (count == 0)
            {
                throw Error(TemplateErrorIds.RuntimeError, position, $"wrong number of args for {name}: want at least 1 got 0", at: at);
            }

            object? result = null;
            for (var i = 0; i < count; i++)
            {
                result = i < argCount ? EvalArg(dot, command!.Args[i + 1]) : final;
                if (GoValues.IsTrue(result) != (name == "and"))
                {
                    return result;
                }
            }

            return result;
        }

        var function = GoFunctions.Get(name) ?? throw Error(TemplateErrorIds.RuntimeError, position, $"\"{name}\" is not a defined function", at: at);
        if (count < function.MinArgs || (function.MaxArgs != GoFunction.Variadic && count > function.MaxArgs))
        {
            var want = function.MaxArgs == GoFunction.Variadic ? $"at least {function.MinArgs}" : function.MinArgs == function.MaxArgs ? $"{function.MinArgs}" : $"{function.MinArgs} to {function.MaxArgs}";
            throw Error(TemplateErrorIds.RuntimeError, position, $"wrong number of args for {name}: want {want} got {count}", at: at);
        }

        var args = new object?[count];
        for (var i = 0; i < argCount; i++)
        {
            args[i] = EvalArg(dot, command!.Args[i + 1]);
        }

        if (hasFinal)
        {
            args[count - 1] = final;
        }

        try
        {
            return function.Body(this, args);
        }
        catch (GoFunctionException e)
        {
            throw Error(e.ErrorId, position, $"error calling {name}: {e.Message}", at: at);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException or DivideByZeroException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException or NotSupportedException)
        {
            throw Error(TemplateErrorIds.FunctionError, position, $"error calling {name}: {e.Message}", at: at);
        }
    }

    private GoExecException Error(string errorId, int position, string message, string? full = null, string? at = null)
    {
        if (full is not null)
        {
            return new GoExecException(errorId, full, position);
        }

        var context = at is null ? "" : $" at <{(at.Length > 40 ? at[..40] + "..." : at)}>";
        return new GoExecException(errorId, $"executing \"{_templateName}\"{context}: {message}", position);
    }
}
