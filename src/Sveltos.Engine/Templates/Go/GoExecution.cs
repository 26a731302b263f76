using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// One rendering: the output, the variable stack, and the counters the limits apply to. Created per rendering, so the
/// shared parse trees and function table are only read. It follows Go's text/template exec.go: errors are reported at
/// the node evaluated last (Go's state.at), in Go's words.
/// </summary>
internal sealed class GoExecution
{
    /// <summary>Helm's recursionMaxNums: how often one name may be included inside itself.</summary>
    private const int IncludeRecursionLimit = 1000;

    /// <summary>Stack of the thread a deep recursion continues on.</summary>
    private const int DeepStackSize = 64 * 1024 * 1024;

    private readonly GoTemplateSet _set;
    private readonly StringBuilder _output;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, int> _includedNames = new(StringComparer.Ordinal);
    private List<(string Name, object? Value)> _variables = [];
    private GoNamespace _namespace;
    private GoSource _source;
    private string _templateName;
    private GoNode? _node;

    /// <summary>Whether the last field chain ended on a map entry, an interface{} in Go (nil when it holds nil), as Go's validateType sees it.</summary>
    private bool _lastFieldWasNilInterface;

    /// <summary>Which arguments of the function being called were read from a map field (interface{}-typed in Go), by index.</summary>
    private ulong _callInterfaceArguments;
    private int _depth;
    private int _iterations;

    public GoExecution(GoTemplateSet set, StringBuilder output, TemplateData? data, CancellationToken cancellationToken)
    {
        _set = set;
        _output = output;
        Data = data;
        _cancellationToken = cancellationToken;
        _namespace = set.Templates;
        _templateName = set.Name;
        _source = new GoSource(set.Name, "");
    }

    public TemplateLimits Limits => _set.Limits;

    public GoTemplateOptions Options => _set.Options;

    /// <summary>The Sveltos data of the rendering, when it renders for a cluster (getResource, copy, ...).</summary>
    public TemplateData? Data { get; }

    public void Run(GoTemplate template, object? dot)
    {
        _templateName = template.Name;
        _source = template.Source;
        _variables.Add(("$", dot));
        Walk(dot, template.Body);
    }

    /// <summary>Helm's include: a named template's output as a string; its errors become the function's error.</summary>
    public string Include(string name, object? dot)
    {
        var count = _includedNames.GetValueOrDefault(name);
        if (count > IncludeRecursionLimit)
        {
            throw new GoFunctionException($"rendering template has a nested reference name: {name}: unable to execute template", TemplateErrorIds.LimitExceeded);
        }

        var template = _namespace.Find(name)
            ?? throw new GoFunctionException($"template: no template {GoFormat.Quote(name)} associated with template {GoFormat.Quote(_set.Name)}");
        _includedNames[name] = count + 1;
        GoExecException? failure;
        try
        {
            return Capture(() => Invoke(template, dot));
        }
        catch (GoExecException e)
        {
            failure = e;
        }
        finally
        {
            _includedNames[name] = count;
        }

        // Thrown after the catch block: a throw inside it would keep the failed frames on the stack, 1000 includes deep.
        throw new GoFunctionException(failure.GoMessage, failure.ErrorId, failure.Warning);
    }

    /// <summary>
    /// Helm's tpl: parses the text into a copy of the templates under the name of the template the rendering started
    /// from (Helm's <c>gotpl</c>), so its definitions are seen only by what it runs, then executes it with
    /// <paramref name="dot"/>. Helm drops <c>&lt;no value&gt;</c> from the result.
    /// </summary>
    public string Tpl(string text, object? dot)
    {
        var source = new GoSource(_set.Name, text);
        var definitions = new Dictionary<string, ListNode>(StringComparer.Ordinal);
        ListNode root;
        try
        {
            root = GoParser.Parse(text, GoFunctions.IsDefined, definitions);
        }
        catch (GoParseException e)
        {
            throw new GoFunctionException($"cannot parse template {GoFormat.Quote(text)}: template: {source.Name}:{source.Line(e.Position)}: {e.Message}", e.ErrorId);
        }

        var scope = new GoNamespace(_namespace);
        scope.AssociateAll(definitions, source);
        var main = new GoTemplate(_set.Name, root, source);
        scope.Associate(main);
        var saved = _namespace;
        _namespace = scope;
        GoExecException? failure;
        try
        {
            return Capture(() => Invoke(main, dot)).Replace(GoValues.NoValue, "", StringComparison.Ordinal);
        }
        catch (GoExecException e)
        {
            failure = e;
        }
        finally
        {
            _namespace = saved;
        }

        throw new GoFunctionException($"error during tpl function execution for {GoFormat.Quote(text)}: {failure.GoMessage}", failure.ErrorId, failure.Warning);
    }

    /// <summary>Helm's lookup, answered by the options' delegate; without one, templates cannot query a cluster.</summary>
    public object? Lookup(string apiVersion, string kind, string ns, string name)
    {
        var lookup = Options.Lookup
            ?? throw new GoFunctionException("templates cannot query a cluster (lookup); use the profile's templateResourceRefs", TemplateErrorIds.Forbidden);
        try
        {
            return GoValues.Normalize(lookup(apiVersion, kind, ns, name)) ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        }
        catch (GoCallException e)
        {
            throw new GoFunctionException(e.Message);
        }
    }

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

    /// <summary>Runs <paramref name="run"/> writing into the output, and returns what it wrote, taking it out again.</summary>
    private string Capture(Action run)
    {
        var start = _output.Length;
        try
        {
            run();
            return _output.ToString(start, _output.Length - start);
        }
        finally
        {
            _output.Length = start;
        }
    }

    /// <summary>Executes a template with its own variables (<c>$</c> is the new dot), reporting errors against its source.</summary>
    private void Invoke(GoTemplate template, object? dot)
    {
        if (_depth >= Limits.MaxRecursionDepth)
        {
            throw Error(TemplateErrorIds.LimitExceeded, $"exceeded maximum template depth ({Limits.MaxRecursionDepth})");
        }

        var saved = (_variables, _templateName, _source, _node);
        _variables = [("$", dot)];
        _templateName = template.Name;
        _source = template.Source;
        _depth++;
        try
        {
            if (RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                Walk(dot, template.Body);
            }
            else
            {
                OnDeepStack(() => Walk(dot, template.Body));
            }
        }
        finally
        {
            _depth--;
            (_variables, _templateName, _source, _node) = saved;
        }
    }

    /// <summary>Continues a deep recursion (Helm allows 1000 nested includes) on a thread with a large stack.</summary>
    private static void OnDeepStack(Action run)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    run();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            DeepStackSize);
        thread.Start();
        thread.Join();
        failure?.Throw();
    }

    /// <summary>Go's state.at: the node errors are reported at.</summary>
    private void At(GoNode node) => _node = node;

    /// <summary>Whether argument <paramref name="index"/> of the function now running was read from a map field, an interface{} in Go.</summary>
    internal bool ArgumentWasInterface(int index) => index < 64 && (_callInterfaceArguments >> index & 1) == 1;

    private Flow Walk(object? dot, GoNode node)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        At(node);
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
                Write(text.Text);
                return Flow.Normal;
            case ActionNode action:
                var value = EvalPipeline(dot, action.Pipe);
                if (action.Pipe.Declarations.Count == 0)
                {
                    At(action);
                    Write(value is null ? GoValues.NoValue : GoValues.Sprint(value));
                }

                return Flow.Normal;
            case BranchNode { Kind: BranchKind.Range } range:
                return WalkRange(dot, range);
            case BranchNode branch:
                return WalkIfOrWith(dot, branch);
            case TemplateCallNode call:
                var body = _namespace.Find(call.Name) ?? throw Error(TemplateErrorIds.RuntimeError, $"template {GoFormat.Quote(call.Name)} not defined");

                // Variables the argument pipeline declares stay in scope after the call, as in Go.
                var newDot = call.Pipe is null ? null : EvalPipeline(dot, call.Pipe);
                At(call);
                Invoke(body, newDot);
                return Flow.Normal;
            case BreakNode:
                return Flow.Break;
            case ContinueNode:
                return Flow.Continue;
            default:
                throw Error(TemplateErrorIds.RuntimeError, $"unknown node: {node}");
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
                case GoObject { MapEntries: { } entries }:
                    foreach (var (key, item) in entries)
                    {
                        any = true;
                        if (Iterate(range, key, item) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case long count:
                    if (range.Pipe.Declarations.Count > 1)
                    {
                        throw Error(TemplateErrorIds.RuntimeError, $"can't use {count} to iterate over more than one variable");
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
                    throw Error(TemplateErrorIds.RuntimeError, $"range can't iterate over {GoValues.Sprint(value)}");
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
            At(range);
            throw Error(TemplateErrorIds.LimitExceeded, $"range ran more than {Limits.MaxLoopIterations} iterations (the loop limit)");
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

    private object? Variable(string name)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == name)
            {
                return _variables[i].Value;
            }
        }

        throw Error(TemplateErrorIds.RuntimeError, $"undefined variable: {name}");
    }

    private void Write(string text)
    {
        if (_output.Length + (long)text.Length > Limits.MaxOutputLength)
        {
            throw Error(TemplateErrorIds.LimitExceeded, $"the output is longer than the limit of {Limits.MaxOutputLength} characters");
        }

        _output.Append(text);
    }

    private object? EvalPipeline(object? dot, PipeNode pipe)
    {
        At(pipe);
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
                At(field);
                return EvalFieldChain(dot, new Receiver(dot), field, field.Names, command, final, hasFinal);
            case ChainNode chain:
                return EvalChain(dot, chain, command, final, hasFinal);
            case IdentifierNode identifier:
                return EvalFunction(dot, identifier, command, final, hasFinal);
            case PipeNode pipe:
                NotAFunction(command, hasFinal);
                return EvalPipeline(dot, pipe);
            case VariableNode variable:
                return EvalVariable(dot, variable, command, final, hasFinal);
        }

        At(first);
        NotAFunction(command, hasFinal);
        return first switch
        {
            LiteralNode literal => Constant(literal),
            DotNode => dot,
            NilNode => throw Error(TemplateErrorIds.RuntimeError, "nil is not a command"),
            _ => throw Error(TemplateErrorIds.RuntimeError, $"can't evaluate command {GoFormat.Quote(first.ToString()!)}"),
        };
    }

    private object Constant(LiteralNode literal) => literal.Value is OverflowingConstant overflowing
        ? throw Error(TemplateErrorIds.RuntimeError, $"{overflowing.Text} overflows int")
        : literal.Value;

    private void NotAFunction(CommandNode command, bool hasFinal)
    {
        if (command.Args.Count > 1 || hasFinal)
        {
            throw Error(TemplateErrorIds.RuntimeError, $"can't give argument to non-function {command.Args[0]}");
        }
    }

    private object? EvalArg(object? dot, GoNode node)
    {
        At(node);
        switch (node)
        {
            case DotNode:
                return dot;
            case NilNode:
                return null;
            case LiteralNode literal:
                return Constant(literal);
            case FieldNode field:
                return EvalFieldChain(dot, new Receiver(dot), field, field.Names, null, null, false);
            case VariableNode variable:
                return EvalVariable(dot, variable, null, null, false);
            case PipeNode pipe:
                return EvalPipeline(dot, pipe);
            case IdentifierNode identifier:
                return EvalFunction(dot, identifier, null, null, false);
            case ChainNode chain:
                return EvalChain(dot, chain, null, null, false);
            default:
                throw Error(TemplateErrorIds.RuntimeError, $"can't handle {node} for arg");
        }
    }

    private object? EvalVariable(object? dot, VariableNode variable, CommandNode? command, object? final, bool hasFinal)
    {
        At(variable);
        var value = Variable(variable.Name);
        if (variable.Fields.Length == 0)
        {
            if (command is not null)
            {
                NotAFunction(command, hasFinal);
            }

            return value;
        }

        return EvalFieldChain(dot, new Receiver(value), variable, variable.Fields, command, final, hasFinal);
    }

    private object? EvalChain(object? dot, ChainNode chain, CommandNode? command, object? final, bool hasFinal)
    {
        At(chain);
        if (chain.Node is NilNode)
        {
            throw Error(TemplateErrorIds.RuntimeError, $"indirection through explicit nil in {chain}");
        }

        // Go reports a failing field at the last node the pipeline evaluated, not at the chain: (.Values).a.x fails "at <.Values>".
        var receiver = EvalArg(dot, chain.Node);
        return EvalFieldChain(dot, new Receiver(receiver), chain, chain.Fields, command, final, hasFinal);
    }

    /// <summary>
    /// A value in a field chain and whether it is Go's invalid value (a missing key under missingkey=default, or nil
    /// data) rather than a nil interface{} (a key holding null, or a missing key under missingkey=zero): a field of the
    /// first is nothing, a field of the second is Go's "nil pointer evaluating interface {}.x".
    /// </summary>
    private readonly record struct Receiver(object? Value, bool NilInterface = false);

    private object? EvalFieldChain(object? dot, Receiver receiver, GoNode node, string[] names, CommandNode? command, object? final, bool hasFinal)
    {
        for (var i = 0; i < names.Length - 1; i++)
        {
            receiver = EvalField(dot, receiver, names[i], node, null, null, false);
        }

        var last = EvalField(dot, receiver, names[^1], node, command, final, hasFinal);
        _lastFieldWasNilInterface = last.NilInterface;
        return last.Value;
    }

    private Receiver EvalField(object? dot, Receiver receiver, string name, GoNode node, CommandNode? command, object? final, bool hasFinal)
    {
        var hasArgs = command is not null && (command.Args.Count > 1 || hasFinal);
        switch (receiver.Value)
        {
            case null when receiver.NilInterface:
                throw Error(TemplateErrorIds.MissingKey, $"nil pointer evaluating interface {{}}.{name}");
            case null:
                return Options.MissingKey == GoMissingKey.Error
                    ? throw Error(TemplateErrorIds.MissingKey, $"nil data; no entry for key {GoFormat.Quote(name)}")
                    : default;
            case GoObject obj when obj.GetMethod(name) is { } method:
                return new Receiver(CallMethod(dot, method, name, node, command, final, hasFinal), NilInterface: true);
            case GoObject obj when obj.TryGetField(name, out var field):
                return hasArgs
                    ? throw Error(TemplateErrorIds.RuntimeError, $"{name} has arguments but cannot be invoked as function")
                    : new Receiver(field, NilInterface: true);
            case Dictionary<string, object?> map:
                if (hasArgs)
                {
                    throw Error(TemplateErrorIds.RuntimeError, $"{name} is not a method but has arguments");
                }

                if (map.TryGetValue(name, out var value))
                {
                    return new Receiver(value, NilInterface: true);
                }

                return Options.MissingKey switch
                {
                    GoMissingKey.Error => throw Error(TemplateErrorIds.MissingKey, $"map has no entry for key {GoFormat.Quote(name)}"),
                    GoMissingKey.Zero => new Receiver(null, NilInterface: true),
                    _ => default,
                };
            default:
                throw Error(TemplateErrorIds.RuntimeError, $"can't evaluate field {name} in type {GoValues.TypeName(receiver.Value)}");
        }
    }

    private object? CallMethod(object? dot, GoMethod method, string name, GoNode node, CommandNode? command, object? final, bool hasFinal)
    {
        var argCount = command is null ? 0 : command.Args.Count - 1;
        var count = argCount + (hasFinal ? 1 : 0);
        if (method.IsVariadic ? count < method.ParameterCount : count != method.ParameterCount)
        {
            throw Error(TemplateErrorIds.RuntimeError, $"wrong number of args for {name}: want {(method.IsVariadic ? "at least " : "")}{method.ParameterCount} got {count}");
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
            return GoValues.Normalize(method.Invoke(args));
        }
        catch (GoCallException e)
        {
            At(node);
            throw Error(TemplateErrorIds.FunctionError, $"error calling {name}: {e.Message}");
        }
    }

    private object? EvalFunction(object? dot, IdentifierNode identifier, CommandNode? command, object? final, bool hasFinal)
    {
        At(identifier);
        var name = identifier.Name;
        var argCount = command is null ? 0 : command.Args.Count - 1;
        var count = argCount + (hasFinal ? 1 : 0);
        GoNode call = command ?? (GoNode)identifier;
        if (name is "and" or "or")
        {
            if (count == 0)
            {
                throw Error(TemplateErrorIds.RuntimeError, $"wrong number of args for {name}: want at least 1 got 0");
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

        var function = GoFunctions.Get(name) ?? throw Error(TemplateErrorIds.RuntimeError, $"{GoFormat.Quote(name)} is not a defined function");
        if (count < function.MinArgs || (function.MaxArgs != GoFunction.Variadic && count > function.MaxArgs))
        {
            var want = function.MaxArgs == GoFunction.Variadic ? $"at least {function.MinArgs}" : function.MinArgs == function.MaxArgs ? $"{function.MinArgs}" : $"{function.MinArgs} to {function.MaxArgs}";
            throw Error(TemplateErrorIds.RuntimeError, $"wrong number of args for {name}: want {want} got {count}");
        }

        var args = new object?[count];
        var evaluatedLast = argCount == 0 ? [] : new GoNode[argCount];
        var interfaces = 0UL;
        for (var i = 0; i < argCount; i++)
        {
            _lastFieldWasNilInterface = false;
            args[i] = EvalArg(dot, command!.Args[i + 1]);
            evaluatedLast[i] = _node!;
            interfaces |= _lastFieldWasNilInterface && i < 64 && command.Args[i + 1] is FieldNode or ChainNode or VariableNode { Fields.Length: > 0 } ? 1UL << i : 0;
        }

        if (hasFinal)
        {
            args[count - 1] = final;
        }

        GoFunctionException failure;
        try
        {
            _callInterfaceArguments = interfaces;
            return function.Body(this, args);
        }
        catch (GoArgumentException e) when (IndexOfArgument(args, e.Value) is var index and >= 0)
        {
            throw ArgumentError(e, index < argCount ? command!.Args[index + 1] : null, index < argCount ? evaluatedLast[index] : _node!, index < 64 && (interfaces >> index & 1) == 1);
        }
        catch (GoFunctionException e)
        {
            failure = e;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException or DivideByZeroException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException or NotSupportedException)
        {
            failure = new GoFunctionException(e.Message);
        }

        At(call);
        throw Error(failure.ErrorId, $"error calling {name}: {failure.Message}", failure.Warning);
    }

    private static int IndexOfArgument(object?[] args, object? value) =>
        Array.FindIndex(args, a => ReferenceEquals(a, value) || (a is not null && a.GetType().IsValueType && a.Equals(value)));

    /// <summary>
    /// Go's evalArg and validateType refusing an argument for a typed parameter: a nil literal cannot be assigned, a map
    /// field holding nil is an interface {}, anything else nil is an invalid value; a literal of the wrong kind is
    /// "expected string; found 1". Reported at the node Go evaluated last for that argument.
    /// </summary>
    private GoExecException ArgumentError(GoArgumentException e, GoNode? argument, GoNode last, bool nilInterface)
    {
        At(last);
        var expected = e.Expected;
        var message = (argument, e.Value) switch
        {
            (NilNode, _) => $"cannot assign nil to {expected}",
            (_, null) when nilInterface => $"wrong type for value; expected {expected}; got interface {{}}",
            (LiteralNode literal, _) when expected is "string" or "int" => $"expected {(expected == "int" ? "integer" : expected)}; found {literal}",
            _ => e.Message,
        };
        return Error(e.ErrorId, message);
    }

    /// <summary>Go's state.errorf: <c>template: LOCATION: executing "NAME" at &lt;NODE&gt;: MESSAGE</c>, the node being the one evaluated last.</summary>
    private GoExecException Error(string errorId, string message, string? warning = null)
    {
        if (_node is null)
        {
            return new GoExecException(errorId, message, 0, _source, $"template: {_templateName}: {message}", warning);
        }

        var problem = $"executing {GoFormat.Quote(_templateName)} at <{Context(_node)}>: {message}";
        return new GoExecException(errorId, problem, _node.Position, _source, $"template: {_source.Location(_node.Position)}: {problem}", warning)
        {
            Expression = _node.ToString(),
        };
    }

    /// <summary>Go's ErrorContext: the node as text, cut to 20 characters when longer than 20 bytes.</summary>
    private static string Context(GoNode node)
    {
        var text = node.ToString()!;
        if (Encoding.UTF8.GetByteCount(text) <= 20)
        {
            return text;
        }

        var runes = text.EnumerateRunes().Take(20).Select(r => r.ToString());
        return string.Concat(runes) + "...";
    }
}
