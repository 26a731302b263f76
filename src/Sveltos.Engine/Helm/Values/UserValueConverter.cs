using System.Collections;
using System.Globalization;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// Turns caller data (a hashtable from -Values, nested dictionaries and arrays) into the values model. It is read as
/// if it were a values file: every number becomes a double, as sigs.k8s.io/yaml gives numbers to Helm.
/// </summary>
internal static class UserValueConverter
{
    private const int MaxDepth = 100;

    public static Dictionary<string, object?> ToMap(IDictionary dictionary, int depth = 0)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = ToValue(entry.Value, depth + 1);
        }

        return map;
    }

    private static object? ToValue(object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new HelmException(HelmErrorIds.ValuesInvalid, ErrorKind.InvalidArgument, $"-Values is nested more than {MaxDepth} levels deep");
        }

        return value switch
        {
            null => null,
            string or bool => value,
            char c => c.ToString(),
            double d => d,
            sbyte or byte or short or ushort or int or uint or long or ulong or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            IDictionary d => ToMap(d, depth),
            IEnumerable list => list.Cast<object?>().Select(item => ToValue(item, depth + 1)).ToList(),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
