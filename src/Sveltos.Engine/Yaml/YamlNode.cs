namespace Sveltos.Engine.Yaml;

/// <summary>A node of an ordered YAML tree. Line and column are 1-based (0 when the node was built in code).</summary>
internal abstract class YamlNode
{
    public int Line { get; init; }

    public int Column { get; init; }

    public abstract YamlNode DeepClone();

    /// <summary>A short name of the node's shape for error messages ("a mapping", "a list", "the string 'x'").</summary>
    public abstract string Describe();
}
