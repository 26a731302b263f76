namespace Sveltos.Engine.Selection;

/// <summary>How a label requirement compares a cluster's label with its values.</summary>
public enum SelectorOperator
{
    /// <summary><c>key=value</c> (also written <c>key==value</c>).</summary>
    Equal,

    /// <summary><c>key!=value</c>: the label is absent or has another value.</summary>
    NotEqual,

    /// <summary><c>key in (a,b)</c>.</summary>
    In,

    /// <summary><c>key notin (a,b)</c>: the label is absent or has none of the values.</summary>
    NotIn,

    /// <summary><c>key</c>: the label is present, whatever its value.</summary>
    Exists,

    /// <summary><c>!key</c>: the label is absent.</summary>
    DoesNotExist,
}
