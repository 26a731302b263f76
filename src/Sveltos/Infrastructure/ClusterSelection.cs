using System.Collections;
using Sveltos.Engine.Selection;

namespace Sveltos.Infrastructure;

/// <summary>Reads a -Selector argument: Kubernetes selector text, or a hashtable (labels, or matchLabels/matchExpressions).</summary>
internal static class ClusterSelection
{
    public static LabelSelector Parse(object? selector) => Value(selector) switch
    {
        null => LabelSelector.Everything,
        string text => LabelSelector.Parse(text),
        IDictionary dictionary => LabelSelector.FromDictionary(PowerShellValues.ToDictionary(dictionary)!),
        var other => throw new ArgumentException($"-Selector takes a string such as 'env=prod,tier in (a,b)' or a hashtable, not {other.GetType().Name}."),
    };

    /// <summary>
    /// The selector as a plain value: unquoted <c>-Selector env=prod,tier=web</c> reaches the cmdlet as an array of
    /// terms, which stand for the selector they spell when joined with commas.
    /// </summary>
    public static object? Value(object? selector) => PowerShellValues.Unwrap(selector) switch
    {
        List<object?> terms when terms.All(t => t is string) => string.Join(',', terms),
        var value => value,
    };
}
