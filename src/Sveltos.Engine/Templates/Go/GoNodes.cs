namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// The parse tree of a Go template. Immutable once parsed, so one tree serves any number of renderings. Each node's
/// ToString is Go's Node.String, which error messages quote as their context (<c>at &lt;...&gt;</c>).
/// </summary>
internal abstract class GoNode(int position)
{
    /// <summary>Offset in the source text, for error positions.</summary>
    public int Position { get; } = position;
}

internal sealed class ListNode(int position) : GoNode(position)
{
    public List<GoNode> Nodes { get; } = [];

    public override string ToString() => string.Concat(Nodes);
}

internal sealed class TextNode(int position, string text) : GoNode(position)
{
    public string Text { get; } = text;

    public override string ToString() => Text;
}

internal sealed class ActionNode(int position, PipeNode pipe) : GoNode(position)
{
    public PipeNode Pipe { get; } = pipe;

    public override string ToString() => "{{" + Pipe + "}}";
}

internal enum BranchKind
{
    If,
    Range,
    With,
}

internal sealed class BranchNode(int position, BranchKind kind, PipeNode pipe, ListNode list, ListNode? elseList) : GoNode(position)
{
    public BranchKind Kind { get; } = kind;

    public PipeNode Pipe { get; } = pipe;

    public ListNode List { get; } = list;

    public ListNode? ElseList { get; } = elseList;

    public override string ToString()
    {
        var name = Kind.ToString().ToLowerInvariant();
        return ElseList is null
            ? $"{{{{{name} {Pipe}}}}}{List}{{{{end}}}}"
            : $"{{{{{name} {Pipe}}}}}{List}{{{{else}}}}{ElseList}{{{{end}}}}";
    }
}

internal sealed class TemplateCallNode(int position, string name, PipeNode? pipe) : GoNode(position)
{
    public string Name { get; } = name;

    public PipeNode? Pipe { get; } = pipe;

    public override string ToString() =>
        Pipe is null ? $"{{{{template {GoFormat.Quote(Name)}}}}}" : $"{{{{template {GoFormat.Quote(Name)} {Pipe}}}}}";
}

internal sealed class BreakNode(int position) : GoNode(position)
{
    public override string ToString() => "{{break}}";
}

internal sealed class ContinueNode(int position) : GoNode(position)
{
    public override string ToString() => "{{continue}}";
}

internal sealed class PipeNode(int position, IReadOnlyList<string> declarations, bool isAssign, IReadOnlyList<CommandNode> commands) : GoNode(position)
{
    public IReadOnlyList<string> Declarations { get; } = declarations;

    public bool IsAssign { get; } = isAssign;

    public IReadOnlyList<CommandNode> Commands { get; } = commands;

    public override string ToString()
    {
        var commands = string.Join(" | ", Commands);
        return Declarations.Count == 0 ? commands : string.Join(", ", Declarations) + (IsAssign ? " = " : " := ") + commands;
    }
}

internal sealed class CommandNode(int position, IReadOnlyList<GoNode> args) : GoNode(position)
{
    public IReadOnlyList<GoNode> Args { get; } = args;

    public override string ToString() => string.Join(' ', Args.Select(a => a is PipeNode ? "(" + a + ")" : a.ToString()));
}

/// <summary><c>.a.b</c>: fields of dot.</summary>
internal sealed class FieldNode(int position, string[] names) : GoNode(position)
{
    public string[] Names { get; } = names;

    public override string ToString() => "." + string.Join('.', Names);
}

/// <summary><c>$x.a.b</c>: a variable and optional fields.</summary>
internal sealed class VariableNode(int position, string name, string[] fields) : GoNode(position)
{
    public string Name { get; } = name;

    public string[] Fields { get; } = fields;

    public override string ToString() => Fields.Length == 0 ? Name : Name + "." + string.Join('.', Fields);
}

/// <summary><c>(pipeline).a.b</c>.</summary>
internal sealed class ChainNode(int position, GoNode node, string[] fields) : GoNode(position)
{
    public GoNode Node { get; } = node;

    public string[] Fields { get; } = fields;

    public override string ToString() => (Node is PipeNode ? "(" + Node + ")" : Node.ToString()) + "." + string.Join('.', Fields);
}

internal sealed class IdentifierNode(int position, string name) : GoNode(position)
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

internal sealed class DotNode(int position) : GoNode(position)
{
    public override string ToString() => ".";
}

internal sealed class NilNode(int position) : GoNode(position)
{
    public override string ToString() => "nil";
}

/// <summary>A number, string, character or boolean constant; it prints as written (Go keeps a string's quoted form).</summary>
internal sealed class LiteralNode(int position, object value, string text) : GoNode(position)
{
    public object Value { get; } = value;

    public override string ToString() => text;
}
