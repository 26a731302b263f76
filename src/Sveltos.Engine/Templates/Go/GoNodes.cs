namespace Sveltos.Engine.Templates.Go;

/// <summary>The parse tree of a Go template. Immutable once parsed, so one tree serves any number of renderings.</summary>
internal abstract class GoNode(int position)
{
    /// <summary>Offset in the source text, for error positions.</summary>
    public int Position { get; } = position;
}

internal sealed class ListNode(int position) : GoNode(position)
{
    public List<GoNode> Nodes { get; } = [];
}

internal sealed class TextNode(int position, string text) : GoNode(position)
{
    public string Text { get; } = text;
}

internal sealed class ActionNode(int position, PipeNode pipe) : GoNode(position)
{
    public PipeNode Pipe { get; } = pipe;
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
}

internal sealed class TemplateCallNode(int position, string name, PipeNode? pipe) : GoNode(position)
{
    public string Name { get; } = name;

    public PipeNode? Pipe { get; } = pipe;
}

internal sealed class BreakNode(int position) : GoNode(position);

internal sealed class ContinueNode(int position) : GoNode(position);

internal sealed class PipeNode(int position, IReadOnlyList<string> declarations, bool isAssign, IReadOnlyList<CommandNode> commands, string text) : GoNode(position)
{
    public IReadOnlyList<string> Declarations { get; } = declarations;

    public bool IsAssign { get; } = isAssign;

    public IReadOnlyList<CommandNode> Commands { get; } = commands;

    public string Text { get; } = text;
}

internal sealed class CommandNode(int position, IReadOnlyList<GoNode> args, string text) : GoNode(position)
{
    public IReadOnlyList<GoNode> Args { get; } = args;

    public string Text { get; } = text;
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

    public override string ToString() => (Node is PipeNode p ? "(" + p.Text + ")" : Node.ToString()) + "." + string.Join('.', Fields);
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

internal sealed class LiteralNode(int position, object value, string text) : GoNode(position)
{
    public object Value { get; } = value;

    public override string ToString() => text;
}
