using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// Helm's ProcessDependenciesWithMerge on a copy of a chart tree: each dependency of Chart.yaml is matched to a loaded
/// subchart by name and version range and copied under its alias; <c>tags</c> then <c>condition</c> (the first path
/// that holds a boolean wins) enable or disable it; disabled ones are removed, recursively; then import-values copy
/// child values into the parent (the string form from the child's <c>exports</c>), the parent's own values winning.
/// </summary>
internal sealed class DependencyProcessor(List<string> warnings)
{
    private readonly ValuesCoalescer _coalescer = new(warnings);

    public void Process(Chart chart, Dictionary<string, object?> values)
    {
        ProcessEnabled(chart, values, "");
        ProcessImportValues(chart);
    }

    private void ProcessEnabled(Chart chart, Dictionary<string, object?> values, string path)
    {
        if (chart.Metadata.Dependencies.Count == 0)
        {
            return;
        }

        var requirements = chart.Metadata.Dependencies;
        var charts = chart.Dependencies
            .Where(existing => !requirements.Any(r => existing.Name == r.Name && IsCompatible(r.Version, existing.Metadata.Version)))
            .ToList();
        var processed = new List<ChartDependency>();
        foreach (var requirement in requirements)
        {
            var match = chart.Dependencies.FirstOrDefault(c => c.Name == requirement.Name && IsCompatible(requirement.Version, c.Metadata.Version));
            if (match is not null)
            {
                charts.Add(requirement.Alias.Length > 0 ? match.Renamed(requirement.Alias) : match.CopyTree());
            }

            processed.Add(requirement with { Name = requirement.Alias.Length > 0 ? requirement.Alias : requirement.Name, Enabled = true });
        }

        chart.ReplaceDependencies(charts);
        chart.ReplaceMetadata(chart.Metadata.WithDependencies(processed));

        var coalesced = _coalescer.Coalesce(chart, values, merge: false);
        ApplyTags(processed, coalesced);
        ApplyConditions(processed, coalesced, path);

        var disabled = processed.Where(r => !r.Enabled).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var kept = chart.Dependencies.Where(c => !disabled.Contains(c.Name)).ToList();
        foreach (var subchart in kept)
        {
            ProcessEnabled(subchart, coalesced, $"{path}{subchart.Name}.");
        }

        chart.ReplaceMetadata(chart.Metadata.WithDependencies(processed.Where(r => !disabled.Contains(r.Name)).ToList()));
        chart.ReplaceDependencies(kept);
    }

    private void ApplyTags(IReadOnlyList<ChartDependency> requirements, Dictionary<string, object?> values)
    {
        if (ValuesPath.Table(values, "tags", out _) is not { } tags)
        {
            return;
        }

        foreach (var requirement in requirements)
        {
            bool hasTrue = false, hasFalse = false;
            foreach (var tag in requirement.Tags)
            {
                if (!tags.TryGetValue(tag, out var value))
                {
                    continue;
                }

                if (value is bool b)
                {
                    hasTrue |= b;
                    hasFalse |= !b;
                }
                else
                {
                    warnings.Add($"Warning: Tag '{tag}' for chart {requirement.Name} returned non-bool value");
                }
            }

            if (!hasTrue && hasFalse)
            {
                requirement.Enabled = false;
            }
            else if (hasTrue || !hasFalse)
            {
                requirement.Enabled = true;
            }
        }
    }

    private void ApplyConditions(IReadOnlyList<ChartDependency> requirements, Dictionary<string, object?> values, string path)
    {
        foreach (var requirement in requirements)
        {
            foreach (var condition in requirement.Condition.Trim().Split(','))
            {
                if (condition.Length == 0 || !ValuesPath.TryGetValue(values, path + condition, out var value))
                {
                    continue;
                }

                if (value is bool enabled)
                {
                    requirement.Enabled = enabled;
                    break;
                }

                warnings.Add($"Warning: Condition path '{condition}' for chart {requirement.Name} returned non-bool value");
            }
        }
    }

    private void ProcessImportValues(Chart chart)
    {
        foreach (var subchart in chart.Dependencies)
        {
            ProcessImportValues(subchart);
        }

        if (chart.Metadata.Dependencies.Count == 0)
        {
            return;
        }

        var values = _coalescer.Coalesce(chart, null, merge: true);
        var imported = new Dictionary<string, object?>(StringComparer.Ordinal);
        var rewritten = new List<ChartDependency>();
        foreach (var requirement in chart.Metadata.Dependencies)
        {
            if (!chart.Dependencies.Any(c => c.Name == requirement.Name) || requirement.ImportValues.Count == 0)
            {
                rewritten.Add(requirement);
                continue;
            }

            var forms = new List<object?>();
            foreach (var item in requirement.ImportValues)
            {
                var (child, parent) = item switch
                {
                    Dictionary<string, object?> pair => (GoValues.Sprint(pair.GetValueOrDefault("child")), GoValues.Sprint(pair.GetValueOrDefault("parent"))),
                    string name => ("exports." + name, "."),
                    _ => (null, null),
                };
                if (child is null)
                {
                    continue;
                }

                forms.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["child"] = child, ["parent"] = parent });
                if (ValuesPath.Table(values, $"{requirement.Name}.{child}", out var error) is not { } table)
                {
                    warnings.Add(item is string
                        ? $"Warning: ImportValues missing table: {error}"
                        : $"Warning: ImportValues missing table from chart {requirement.Name}: {error}");
                    continue;
                }

                imported = _coalescer.Tables(imported, PathToMap(parent!, table), merge: true);
            }

            rewritten.Add(requirement with { ImportValues = forms });
        }

        chart.ReplaceMetadata(chart.Metadata.WithDependencies(rewritten));
        // Imported values rank below the parent's own: the parent can import a whole section and override parts of it.
        chart.ReplaceValues(_coalescer.Tables(ValuesTree.CopyMap(values), imported, merge: true));
    }

    private static Dictionary<string, object?> PathToMap(string path, Dictionary<string, object?> data)
    {
        if (path == ".")
        {
            return data;
        }

        var current = data;
        foreach (var part in Enumerable.Reverse(path.Split('.')))
        {
            current = new Dictionary<string, object?>(StringComparer.Ordinal) { [part] = current };
        }

        return current;
    }

    /// <summary>Helm's IsCompatibleRange: the version satisfies the dependency's semver range (an empty or bad range matches nothing).</summary>
    private static bool IsCompatible(string constraint, string version)
    {
        try
        {
            return SemanticVersion.Satisfies(constraint, version);
        }
        catch (GoFunctionException)
        {
            return false;
        }
    }
}
