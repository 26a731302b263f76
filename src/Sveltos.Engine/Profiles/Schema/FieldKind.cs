namespace Sveltos.Engine.Profiles.Schema;

/// <summary>The shape a field's value must have.</summary>
internal enum FieldKind
{
    String,
    Boolean,
    Integer,
    IntOrPercent,
    Duration,
    StringMap,
    StringList,
    Object,
    ObjectList,
    LabelSelector,
    SelectorString,
    Any,
}
