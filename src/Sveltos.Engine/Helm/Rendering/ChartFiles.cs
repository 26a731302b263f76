using System.Text;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// A chart's <c>.Files</c> (Helm's engine.files): the chart's non-template files by path, with Helm's methods. A
/// missing file reads as empty; <see cref="Glob"/> gives another <see cref="ChartFiles"/> of the files it matches.
/// </summary>
public sealed class ChartFiles : GoObject
{
    private readonly IReadOnlyDictionary<string, byte[]> _files;

    public ChartFiles(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var map = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, data) in files)
        {
            map[name] = data;
        }

        _files = map;
    }

    /// <summary>The file names, in the order Go templates range over a map (sorted).</summary>
    public IReadOnlyList<string> Names => _files.Keys.Order(StringComparer.Ordinal).ToList();

    public int Count => _files.Count;

    /// <summary>Files is a map[string][]byte: ranging over it gives each path (sorted) and its bytes.</summary>
    public override IReadOnlyList<KeyValuePair<string, object?>> MapEntries =>
        Names.Select(name => KeyValuePair.Create(name, (object?)_files[name])).ToList();

    public byte[] GetBytes(string name) => _files.TryGetValue(name, out var data) ? data : [];

    public string Get(string name) => Encoding.UTF8.GetString(GetBytes(name));

    public ChartFiles Glob(string pattern)
    {
        var glob = new FileGlob(pattern);
        return new ChartFiles(_files.Where(f => glob.IsMatch(f.Key)));
    }

    /// <summary>The file's lines split at "\n", without the empty piece after a final newline; none for a missing or empty file.</summary>
    public IReadOnlyList<string> Lines(string path)
    {
        if (!_files.TryGetValue(path, out var data) || data.Length == 0)
        {
            return [];
        }

        var text = Encoding.UTF8.GetString(data);
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        return text.Split('\n');
    }

    /// <summary>The files as YAML for a ConfigMap's data: base name to text, written as Helm's toYaml writes (a later duplicate base name wins).</summary>
    public string AsConfig() => BaseNameYaml(Encoding.UTF8.GetString);

    /// <summary>The files as YAML for a Secret's data: base name to base64 of the bytes.</summary>
    public string AsSecrets() => BaseNameYaml(Convert.ToBase64String);

    public override string GoTypeName => "engine.files";

    public override GoMethod? GetMethod(string name) => name switch
    {
        "Get" => new GoMethod(1, args => Get(Text(args[0]))),
        "GetBytes" => new GoMethod(1, args => GetBytes(Text(args[0]))),
        "Glob" => new GoMethod(1, args => Glob(Text(args[0]))),
        "Lines" => new GoMethod(1, args => Lines(Text(args[0])).Select(l => (object?)l).ToList()),
        "AsConfig" => new GoMethod(0, _ => AsConfig()),
        "AsSecrets" => new GoMethod(0, _ => AsSecrets()),
        _ => null,
    };

    /// <summary>files is a Go map type: any other field name indexes it (a missing key is a nil []byte).</summary>
    public override bool TryGetField(string name, out object? value)
    {
        value = GetBytes(name);
        return true;
    }

    /// <summary>Go's %v of the map: <c>map[name:[bytes...]]</c>.</summary>
    public override string ToString() =>
        "map[" + string.Join(' ', Names.Select(n => $"{n}:[{string.Join(' ', _files[n])}]")) + "]";

    private static string Text(object? argument) =>
        argument as string ?? throw new GoCallException($"wrong type for value; expected string; got {HelmVersionSet.GoValueType(argument)}");

    private string BaseNameYaml(Func<byte[], string> encode)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            map[GoText.BaseName(name)] = encode(_files[name]);
        }

        var yaml = GoYaml.Marshal(map);
        return yaml.EndsWith('\n') ? yaml[..^1] : yaml;
    }
}
