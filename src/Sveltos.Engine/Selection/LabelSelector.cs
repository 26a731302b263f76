using System.Diagnostics.CodeAnalysis;

namespace Sveltos.Engine.Selection;

/// <summary>
/// A Kubernetes label selector: requirements that must all hold. Built from the string syntax
/// (<c>env=prod,tier in (a,b),!legacy</c>) or from matchLabels/matchExpressions; both forms convert to each other.
/// </summary>
public sealed class LabelSelector : IEquatable<LabelSelector>
{
    private LabelSelector(IEnumerable<LabelRequirement> requirements)
    {
        // Kubernetes keeps requirements sorted by key; that gives one canonical string per selector.
        Requirements = requirements.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The selector with no requirements: it matches every label set.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>The requirements, sorted by key.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>True when the selector has no requirements.</summary>
    public bool IsEverything => Requirements.Count == 0;

    /// <summary>Parses the string syntax. An empty or blank string is <see cref="Everything"/>.</summary>
    /// <exception cref="SelectorParseException">The text is not a valid selector; the message names the position.</exception>
    public static LabelSelector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new LabelSelector(LabelSelectorParser.Parse(text));
    }

    /// <summary>Parses the string syntax without throwing.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LabelSelector? selector, out SelectorParseException? error)
    {
        selector = null;
        error = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            selector = Parse(text);
            return true;
        }
        catch (SelectorParseException e)
        {
            error = e;
            return false;
        }
    }

    /// <summary>A selector made of the given requirements.</summary>
    public static LabelSelector FromRequirements(IEnumerable<LabelRequirement> requirements) => new(requirements);

    /// <summary>A selector requiring every label to have exactly the given value.</summary>
    /// <exception cref="SelectorParseException">A key or value is invalid.</exception>
    public static LabelSelector FromMatchLabels(IEnumerable<KeyValuePair<string, string>> matchLabels) =>
        FromMatchFields(matchLabels, null);

    /// <summary>A selector from the matchLabels/matchExpressions form.</summary>
    /// <exception cref="SelectorParseException">A key or value is invalid.</exception>
    public static LabelSelector FromMatchFields(
        IEnumerable<KeyValuePair<string, string>>? matchLabels,
        IEnumerable<LabelRequirement>? matchExpressions)
    {
        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in matchLabels ?? [])
        {
            var problem = LabelRequirement.TryCreate(key, SelectorOperator.Equal, [value], out var requirement);
            if (problem is not null)
            {
                throw new SelectorParseException(null, null, $"matchLabels.{key}", problem);
            }

            requirements.Add(requirement!);
        }

        requirements.AddRange(matchExpressions ?? []);
        return new LabelSelector(requirements);
    }

    /// <summary>
    /// A selector from a dictionary (e.g. a PowerShell hashtable): either a selector mapping with
    /// <c>matchLabels</c> and/or <c>matchExpressions</c> keys (any letter case), or a plain label→value mapping.
    /// </summary>
    /// <exception cref="SelectorParseException">The mapping is not a valid selector; the message names the field.</exception>
    public static LabelSelector FromDictionary(IDictionary<string, object?> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return LabelSelectorMapping.FromDictionary(mapping);
    }

    /// <summary>A selector from YAML or JSON text holding a selector mapping, e.g. <c>{matchLabels: {env: prod}}</c>.</summary>
    /// <exception cref="SelectorParseException">The text is not a valid selector mapping.</exception>
    public static LabelSelector FromMappingText(string yamlOrJson)
    {
        ArgumentNullException.ThrowIfNull(yamlOrJson);
        return LabelSelectorMapping.FromText(yamlOrJson);
    }

    /// <summary>True when every requirement holds for <paramref name="labels"/>.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Requirements.All(r => r.Matches(labels));
    }

    /// <summary>
    /// The matchLabels/matchExpressions form. Equality requirements become matchLabels (a second one on the same key
    /// becomes an In expression); <c>key!=v</c> becomes <c>NotIn [v]</c>, which Kubernetes treats the same way.
    /// </summary>
    public LabelSelectorFields ToMatchFields()
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<LabelRequirement>();
        foreach (var requirement in Requirements)
        {
            switch (requirement.Operator)
            {
                case SelectorOperator.Equal when labels.TryAdd(requirement.Key, requirement.Values[0]):
                    break;
                case SelectorOperator.Equal:
                    expressions.Add(LabelRequirement.Create(requirement.Key, SelectorOperator.In, requirement.Values));
                    break;
                case SelectorOperator.NotEqual:
                    expressions.Add(LabelRequirement.Create(requirement.Key, SelectorOperator.NotIn, requirement.Values));
                    break;
                default:
                    expressions.Add(requirement);
                    break;
            }
        }

        return new LabelSelectorFields(labels, expressions);
    }

    /// <summary>The canonical Kubernetes string form; <see cref="Parse"/> reads it back to an equal selector.</summary>
    public override string ToString() => string.Join(',', Requirements);

    /// <inheritdoc/>
    public bool Equals(LabelSelector? other) => other is not null && Requirements.SequenceEqual(other.Requirements);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LabelSelector);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
