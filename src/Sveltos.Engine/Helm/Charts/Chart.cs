using Sveltos.Engine.Helm.Values;

namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// A loaded chart, as Helm's chart.Chart: metadata, templates (every file under templates/), default values, the
/// schema, the other files (for .Files), every file read (<see cref="Raw"/>) and the subcharts found in charts/. A
/// loaded chart is never changed: a render works on a copy (HelmValues.ForRender).
/// </summary>
public sealed class Chart
{
    private readonly List<Chart> _dependencies = [];

    internal Chart(ChartMetadata metadata, ChartLock? lockFile, IReadOnlyList<ChartFile> templates, Dictionary<string, object?> values, byte[]? schema, IReadOnlyList<ChartFile> files, IReadOnlyList<ChartFile> raw)
    {
        Metadata = metadata;
        Lock = lockFile;
        Templates = templates;
        Values = values;
        Schema = schema;
        Files = files;
        Raw = raw;
    }

    public ChartMetadata Metadata { get; private set; }

    public ChartLock? Lock { get; }

    /// <summary>Every file under templates/, partials (_*.tpl) and NOTES.txt included, in load order.</summary>
    public IReadOnlyList<ChartFile> Templates { get; }

    /// <summary>The chart's values.yaml (every number a double, as Helm reads it); never modified.</summary>
    public Dictionary<string, object?> Values { get; private set; }

    /// <summary>values.schema.json, when the chart has one.</summary>
    public byte[]? Schema { get; }

    /// <summary>The files that are not Chart.yaml, values, schema, lock, templates/ or charts/: what .Files sees (crds/ included).</summary>
    public IReadOnlyList<ChartFile> Files { get; }

    /// <summary>Every file loaded, in load order.</summary>
    public IReadOnlyList<ChartFile> Raw { get; }

    /// <summary>The subcharts, sorted by name (Helm's order is a Go map's, i.e. random).</summary>
    public IReadOnlyList<Chart> Dependencies => _dependencies;

    public Chart? Parent { get; private set; }

    public string Name => Metadata.Name;

    public bool IsRoot => Parent is null;

    /// <summary>The chart's path in values terms: <c>parent.charts.child</c>.</summary>
    public string ChartPath => IsRoot ? Name : $"{Parent!.ChartPath}.charts.{Name}";

    /// <summary>The chart's path as files are named in output: <c>parent/charts/child</c>.</summary>
    public string ChartFullPath => IsRoot ? Name : $"{Parent!.ChartFullPath}/charts/{Name}";

    /// <summary>The .yaml/.yml/.json files of crds/ of this chart and, after them, of its subcharts.</summary>
    public IReadOnlyList<ChartCrd> CrdObjects =>
        Files.Where(f => f.Path.StartsWith("crds/", StringComparison.Ordinal) && HasManifestExtension(f.Path))
            .Select(f => new ChartCrd(f.Path, $"{ChartFullPath}/{f.Path}", f))
            .Concat(Dependencies.SelectMany(d => d.CrdObjects))
            .ToList();

    internal void AddDependency(Chart dependency)
    {
        dependency.Parent = this;
        _dependencies.Add(dependency);
        _dependencies.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
    }

    /// <summary>A copy of the chart tree that dependency processing may change: own values, metadata and subchart lists; files shared.</summary>
    internal Chart CopyTree()
    {
        var copy = new Chart(Metadata.WithDependencies(Metadata.Dependencies.Select(d => d.Copy()).ToList()), Lock, Templates, ValuesTree.CopyMap(Values), Schema, Files, Raw);
        foreach (var dependency in _dependencies)
        {
            var child = dependency.CopyTree();
            child.Parent = copy;
            copy._dependencies.Add(child);
        }

        return copy;
    }

    /// <summary>A copy of this (already copied) chart under another name, as Helm does for a dependency's alias.</summary>
    internal Chart Renamed(string name)
    {
        var copy = CopyTree();
        copy.Metadata = copy.Metadata with { Name = name };
        return copy;
    }

    internal void ReplaceValues(Dictionary<string, object?> values) => Values = values;

    internal void ReplaceDependencies(IEnumerable<Chart> dependencies)
    {
        _dependencies.Clear();
        foreach (var dependency in dependencies)
        {
            dependency.Parent = this;
            _dependencies.Add(dependency);
        }
    }

    internal void ReplaceMetadata(ChartMetadata metadata) => Metadata = metadata;

    private static bool HasManifestExtension(string path)
    {
        var ext = System.IO.Path.GetExtension(path);
        return ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || ext.Equals(".yml", StringComparison.OrdinalIgnoreCase) || ext.Equals(".json", StringComparison.OrdinalIgnoreCase);
    }
}
