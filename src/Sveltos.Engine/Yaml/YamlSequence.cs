namespace Sveltos.Engine.Yaml;

/// <summary>A YAML sequence (list).</summary>
internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(IEnumerable<YamlNode>? items = null)
    {
        Items = items?.ToList() ?? [];
    }

    public List<YamlNode> Items { get; }

    public override YamlNode DeepClone() =>
        new YamlSequence(Items.Select(i => i.DeepClone())) { Line = Line, Column = Column };

    public override string Describe() => "a list";
}
