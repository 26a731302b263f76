using System.Collections;
using Sveltos.Engine.Selection;

namespace Sveltos.Infrastructure;

/// <summary>Reads a -Selector argument: Kubernetes selector text, or a hashtable (labels, or matchLabels/matchExpressions).</summary>
internal static class ClusterSelection
{
    public static LabelSelector Parse(object? selector) => PowerShellValues.Unwrap(selector) switch
    {
        null => LabelSelector.Everything,
        string text => LabelSelector.Parse(text),
        IDictionary dictionary => LabelSelector.FromDictionary(PowerShellValues.ToDictionary(dictionary)!),
        var other => throw new ArgumentException($"-Selector takes a string such as 'env=prod,tier in (a,b)' or a hashtable, not {other.GetType().Name}."),
    };
}
