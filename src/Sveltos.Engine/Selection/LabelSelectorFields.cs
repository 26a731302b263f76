namespace Sveltos.Engine.Selection;

/// <summary>
/// A selector in the <c>matchLabels</c>/<c>matchExpressions</c> form used by <c>clusterSelector</c>.
/// Expressions only use In, NotIn, Exists and DoesNotExist.
/// </summary>
public sealed record LabelSelectorFields(
    IReadOnlyDictionary<string, string> MatchLabels,
    IReadOnlyList<LabelRequirement> MatchExpressions);
