using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// Helm's chartutil coalescing (CoalesceValues / MergeValues): user values over chart defaults, maps merged and
/// everything else replaced, each subchart's values under its name with the parent's <c>global</c> merged in, and (when
/// coalescing, not merging) a null from the user deleting the key and the chart's default with it. The oddities are
/// kept on purpose (globals copied one level deep, a subchart's table merged with nulls kept until the subchart's own
/// turn), because charts rely on the values Helm gives them. Warnings are Helm's log lines.
/// </summary>
internal sealed class ValuesCoalescer(List<string> warnings)
{
    public const string GlobalKey = "global";

    /// <summary>CoalesceValues (merge false) or MergeValues (merge true) of a chart tree and user values; the user values are copied first.</summary>
    public Dictionary<string, object?> Coalesce(Chart chart, Dictionary<string, object?>? values, bool merge)
    {
        var dest = values is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : ValuesTree.CopyMap(values);
        return Coalesce(chart, dest, "", merge);
    }

    /// <summary>CoalesceTables (merge false) or MergeTables (merge true): <paramref name="dst"/> wins, changed in place.</summary>
    public Dictionary<string, object?> Tables(Dictionary<string, object?> dst, Dictionary<string, object?> src, bool merge) => CoalesceTables(dst, src, "", merge);

    private Dictionary<string, object?> Coalesce(Chart chart, Dictionary<string, object?> dest, string prefix, bool merge)
    {
        CoalesceChartValues(chart, dest, prefix, merge);
        return CoalesceDependencies(chart, dest, prefix, merge);
    }

    private Dictionary<string, object?> CoalesceDependencies(Chart chart, Dictionary<string, object?> dest, string prefix, bool merge)
    {
        foreach (var subchart in chart.Dependencies)
        {
            if (!dest.TryGetValue(subchart.Name, out var existing))
            {
                dest[subchart.Name] = existing = new Dictionary<string, object?>(StringComparer.Ordinal);
            }
            else if (existing is not Dictionary<string, object?>)
            {
                throw new HelmException(HelmErrorIds.ValuesInvalid, ErrorKind.InvalidData,
                    $"chart '{chart.ChartFullPath}': the values for subchart '{subchart.Name}' must be a mapping, not {Describe(existing)} (Helm: type mismatch on {subchart.Name})",
                    chart.ChartFullPath);
            }

            var subValues = (Dictionary<string, object?>)existing!;
            var subPrefix = Concat(prefix, chart.Name);
            CoalesceGlobals(subValues, dest, subPrefix);
            dest[subchart.Name] = Coalesce(subchart, subValues, subPrefix, merge);
        }

        return dest;
    }

    private void CoalesceGlobals(Dictionary<string, object?> dest, Dictionary<string, object?> src, string prefix)
    {
        if (GlobalsOf(dest, "destination") is not { } destGlobals || GlobalsOf(src, "source") is not { } srcGlobals)
        {
            return;
        }

        foreach (var (key, value) in srcGlobals)
        {
            if (value is Dictionary<string, object?> valueTable)
            {
                // One level deep, as Helm's copyMap: nested tables stay shared with the parent's globals.
                var copy = new Dictionary<string, object?>(valueTable, StringComparer.Ordinal);
                if (!destGlobals.TryGetValue(key, out var destValue))
                {
                    destGlobals[key] = copy;
                }
                else if (destValue is Dictionary<string, object?> destTable)
                {
                    CoalesceTables(copy, destTable, Concat(prefix, key), merge: true);
                    destGlobals[key] = copy;
                }
                else
                {
                    warnings.Add($"Conflict: cannot merge map onto non-map for \"{key}\". Skipping.");
                }
            }
            else if (destGlobals.TryGetValue(key, out var destValue) && destValue is Dictionary<string, object?>)
            {
                warnings.Add($"key {key} is table. Skipping");
            }
            else
            {
                destGlobals[key] = value;
            }
        }

        dest[GlobalKey] = destGlobals;
    }

    /// <summary>The global table of a values map (a new one when absent); null, with Helm's warning, when it is not a table.</summary>
    private Dictionary<string, object?>? GlobalsOf(Dictionary<string, object?> values, string side)
    {
        if (!values.TryGetValue(GlobalKey, out var globals))
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        if (globals is Dictionary<string, object?> table)
        {
            return table;
        }

        warnings.Add($"warning: skipping globals because {side} {GlobalKey} is not a table.");
        return null;
    }

    private void CoalesceChartValues(Chart chart, Dictionary<string, object?> v, string prefix, bool merge)
    {
        var subPrefix = Concat(prefix, chart.Name);
        foreach (var (key, defaultValue) in ValuesTree.CopyMap(chart.Values))
        {
            if (!v.TryGetValue(key, out var value))
            {
                v[key] = defaultValue;
                continue;
            }

            if (value is null && !merge)
            {
                v.Remove(key);
            }
            else if (value is Dictionary<string, object?> destTable)
            {
                if (defaultValue is Dictionary<string, object?> srcTable)
                {
                    // A subchart's table keeps its nulls until the subchart's own coalescing removes them with its defaults.
                    var tableMerge = merge || chart.Dependencies.Any(d => d.Name == key);
                    CoalesceTables(destTable, srcTable, Concat(subPrefix, key), tableMerge);
                }
                else if (defaultValue is not null)
                {
                    warnings.Add($"warning: skipped value for {subPrefix}.{key}: Not a table.");
                }
            }
        }
    }

    private Dictionary<string, object?> CoalesceTables(Dictionary<string, object?>? dst, Dictionary<string, object?>? src, string prefix, bool merge)
    {
        if (src is null)
        {
            return dst!;
        }

        if (dst is null)
        {
            return src;
        }

        var srcNonNull = src.Where(e => e.Value is not null).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in dst)
        {
            if (value is null)
            {
                src[key] = null;
            }
        }

        foreach (var (key, value) in src)
        {
            var fullKey = Concat(prefix, key);
            var present = dst.TryGetValue(key, out var destValue);
            if (present && !merge && destValue is null && srcNonNull.Contains(key))
            {
                dst.Remove(key);
            }
            else if (!present)
            {
                dst[key] = value;
            }
            else if (value is Dictionary<string, object?> srcTable)
            {
                if (destValue is Dictionary<string, object?> destTable)
                {
                    CoalesceTables(destTable, srcTable, fullKey, merge);
                }
                else
                {
                    warnings.Add($"warning: cannot overwrite table with non table for {fullKey} ({GoValues.Sprint(value)})");
                }
            }
            else if (destValue is Dictionary<string, object?> && value is not null)
            {
                warnings.Add($"warning: destination for {fullKey} is a table. Ignoring non-table value ({GoValues.Sprint(value)})");
            }
        }

        return dst;
    }

    internal static string Concat(string a, string b) => a.Length == 0 ? b : $"{a}.{b}";

    internal static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string '{s}'",
        bool b => b ? "true" : "false",
        List<object?> => "a list",
        _ => $"the value {GoValues.Sprint(value)}",
    };
}
