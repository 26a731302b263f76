using System.Diagnostics.CodeAnalysis;

namespace Sveltos.Engine.Yaml;

/// <summary>A YAML mapping that keeps its keys in document order.</summary>
internal sealed class YamlMapping : YamlNode
{
    private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries = [];

    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries => _entries;

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key.Text);

    public bool TryGet(string key, [NotNullWhen(true)] out YamlNode? value)
    {
        var index = IndexOf(key);
        value = index < 0 ? null : _entries[index].Value;
        return value is not null;
    }

    public YamlNode? Get(string key) => TryGet(key, out var value) ? value : null;

    /// <summary>Replaces the value in place (keeping the key's position) or appends a new key.</summary>
    public void Set(string key, YamlNode value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            _entries[index] = new(_entries[index].Key, value);
        }
        else
        {
            _entries.Add(new(YamlScalar.String(key), value));
        }
    }

    /// <summary>Appends an entry as read from a document; the reader has already rejected duplicates.</summary>
    public void Add(YamlScalar key, YamlNode value) => _entries.Add(new(key, value));

    public bool Remove(string key)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            _entries.RemoveAt(index);
        }

        return index >= 0;
    }

    public override YamlNode DeepClone()
    {
        var copy = new YamlMapping { Line = Line, Column = Column };
        foreach (var (key, value) in _entries)
        {
            copy.Add((YamlScalar)key.DeepClone(), value.DeepClone());
        }

        return copy;
    }

    public override string Describe() => "a mapping";

    private int IndexOf(string key) => _entries.FindIndex(e => e.Key.Text == key);
}
