namespace Sveltos.Engine.Helm.Values;

/// <summary>Helm's Values.Table and Values.PathValue: dotted paths into a values tree.</summary>
internal static class ValuesPath
{
    /// <summary>The table at a dotted path, or null with Helm's reason ("\"x\" is not a table").</summary>
    public static Dictionary<string, object?>? Table(Dictionary<string, object?> values, string path, out string? error)
    {
        var table = values;
        foreach (var name in path.Split('.'))
        {
            if (!table.TryGetValue(name, out var next) || next is not Dictionary<string, object?> nextTable)
            {
                error = $"\"{name}\" is not a table";
                return null;
            }

            table = nextTable;
        }

        error = null;
        return table;
    }

    /// <summary>The non-table value at a dotted path; false when there is none.</summary>
    public static bool TryGetValue(Dictionary<string, object?> values, string path, out object? value)
    {
        value = null;
        var parts = path.Split('.');
        var key = parts[^1];
        var table = parts.Length == 1 ? values : Table(values, string.Join('.', parts[..^1]), out _);
        if (table is null || !table.TryGetValue(key, out var found) || found is Dictionary<string, object?>)
        {
            return false;
        }

        value = found;
        return true;
    }
}
