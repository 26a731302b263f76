using System.Collections;
using System.Management.Automation;

namespace Sveltos.Infrastructure;

/// <summary>Turns PowerShell values (PSObject wrappers, hashtables, arrays) into plain .NET values for the engine.</summary>
internal static class PowerShellValues
{
    public static object? Unwrap(object? value) => value switch
    {
        null => null,
        PSObject { BaseObject: PSCustomObject } custom => custom.Properties.ToDictionary(p => p.Name, p => Unwrap(p.Value), StringComparer.OrdinalIgnoreCase),
        PSObject wrapped => Unwrap(wrapped.BaseObject),
        string text => text,
        IDictionary dictionary => ToDictionary(dictionary),
        IEnumerable list => list.Cast<object?>().Select(Unwrap).ToList(),
        _ => value,
    };

    public static Dictionary<string, object?> ToDictionary(IDictionary dictionary)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in dictionary)
        {
            result[Convert.ToString(Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? ""] = Unwrap(entry.Value);
        }

        return result;
    }

    /// <summary>A hashtable of labels as a string map; values are rendered as text.</summary>
    public static Dictionary<string, string> ToStringMap(IDictionary? dictionary)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (dictionary is null)
        {
            return result;
        }

        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var value = Unwrap(entry.Value) switch
            {
                bool b => b ? "true" : "false",
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            result[key] = value;
        }

        return result;
    }
}
