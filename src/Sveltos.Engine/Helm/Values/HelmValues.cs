using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Helm.Values;

/// <summary>The values side of a Helm render: reading values files, merging what the user gives, and coalescing.</summary>
public static class HelmValues
{
    /// <summary>Reads a values file as Helm does (every number a double, documents merged).</summary>
    /// <exception cref="HelmException">The file does not parse.</exception>
    public static Dictionary<string, object?> ReadFile(string text, string sourceName) => ValuesFileReader.Read(text, sourceName);

    /// <summary>
    /// Helm's values.Options.MergeValues: the files deep-merged left to right, then -Values merged the same way, then
    /// each --set and --set-string line parsed into the result.
    /// </summary>
    /// <exception cref="HelmException">A file does not parse or a --set line breaks the grammar.</exception>
    public static Dictionary<string, object?> MergeUserValues(HelmUserValues input)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (text, sourceName) in input.Files)
        {
            merged = ValuesTree.MergeMaps(merged, ReadFile(text, sourceName));
        }

        if (input.Values is { } values)
        {
            merged = ValuesTree.MergeMaps(merged, UserValueConverter.ToMap(values));
        }

        Apply(input.Set, merged, stringsOnly: false, "-Set", "--set");
        Apply(input.SetString, merged, stringsOnly: true, "-SetString", "--set-string");
        return merged;
    }

    /// <summary>
    /// Everything between the user's values and the templates, as Helm's install does it: dependencies processed
    /// (ProcessDependenciesWithMerge: conditions, tags, aliases, import-values), values coalesced (CoalesceValues) and,
    /// unless <paramref name="skipSchemaValidation"/>, checked against every chart's values.schema.json. The chart
    /// given is not changed.
    /// </summary>
    /// <exception cref="HelmException">The values break a schema, or a subchart's values are not a mapping.</exception>
    public static HelmRenderValues ForRender(Chart chart, IDictionary<string, object?>? userValues, bool skipSchemaValidation = false)
    {
        var user = userValues is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : ValuesTree.CopyMap(ToModel(userValues));
        var warnings = new List<string>();
        var copy = chart.CopyTree();
        new DependencyProcessor(warnings).Process(copy, user);
        var values = new ValuesCoalescer(warnings).Coalesce(copy, user, merge: false);
        if (!skipSchemaValidation)
        {
            ValuesSchema.Validate(copy, values);
        }

        return new HelmRenderValues(copy, values, warnings.Distinct().ToList());
    }

    /// <summary>A deep copy of a values tree.</summary>
    public static Dictionary<string, object?> Copy(IReadOnlyDictionary<string, object?> values) =>
        ValuesTree.CopyMap(values.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>
    /// helm upgrade --reuse-values: the chart's defaults become the last release's values (its chart's values under its
    /// config), and the user values the new ones over that config (which Helm stores as the new release's config).
    /// </summary>
    public static (Dictionary<string, object?> ChartValues, Dictionary<string, object?> UserValues) ReuseValues(
        IReadOnlyDictionary<string, object?>? previousChartValues,
        IReadOnlyDictionary<string, object?> previousConfig,
        IReadOnlyDictionary<string, object?> newValues)
    {
        var coalescer = new ValuesCoalescer([]);
        var chartValues = coalescer.Tables(Copy(previousConfig), Copy(previousChartValues ?? new Dictionary<string, object?>()), merge: false);
        var userValues = coalescer.Tables(Copy(newValues), Copy(previousConfig), merge: false);
        return (chartValues, userValues);
    }

    private static Dictionary<string, object?> ToModel(IDictionary<string, object?> values) =>
        values as Dictionary<string, object?> ?? values.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static void Apply(IReadOnlyList<string> lines, Dictionary<string, object?> values, bool stringsOnly, string parameter, string helmFlag)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            try
            {
                SetParser.ParseInto(lines[i], values, stringsOnly);
            }
            catch (FormatException e)
            {
                // The line itself is not repeated: a --set value may be a secret.
                throw new HelmException(HelmErrorIds.SetInvalid, ErrorKind.InvalidArgument,
                    $"{parameter} value {i + 1} of {lines.Count} does not follow Helm's {helmFlag} grammar: {e.Message} (Helm: failed parsing {helmFlag} data)",
                    recommendedAction: "Write it as name=value, with a.b for nested names, a[0] for list items, {x,y} for lists and \\, to escape a comma.");
            }
        }
    }
}
