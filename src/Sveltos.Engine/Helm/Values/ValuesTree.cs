namespace Sveltos.Engine.Helm.Values;

/// <summary>Operations on value trees (Dictionary / List / scalars) shared by the values code.</summary>
internal static class ValuesTree
{
    /// <summary>Helm's loader.MergeMaps: a new map with b's keys over a's, maps merged recursively, anything else replaced.</summary>
    public static Dictionary<string, object?> MergeMaps(Dictionary<string, object?> a, Dictionary<string, object?> b)
    {
        var result = new Dictionary<string, object?>(a, StringComparer.Ordinal);
        foreach (var (key, value) in b)
        {
            if (value is Dictionary<string, object?> bMap && result.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> aMap)
            {
                result[key] = MergeMaps(aMap, bMap);
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    /// <summary>A deep copy (copystructure.Copy): maps and lists are new, scalars shared.</summary>
    public static object? DeepCopy(object? value) => value switch
    {
        Dictionary<string, object?> map => CopyMap(map),
        List<object?> list => list.Select(DeepCopy).ToList(),
        _ => value,
    };

    public static Dictionary<string, object?> CopyMap(Dictionary<string, object?> map)
    {
        var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            copy[key] = DeepCopy(value);
        }

        return copy;
    }
}
