namespace Sveltos.Engine.Selection;

/// <summary>One condition of a label selector, e.g. <c>tier in (a,b)</c>. Values are kept sorted and distinct, as Kubernetes does.</summary>
public sealed class LabelRequirement : IEquatable<LabelRequirement>
{
    private LabelRequirement(string key, SelectorOperator op, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = op;
        Values = values;
    }

    /// <summary>The label key.</summary>
    public string Key { get; }

    /// <summary>How the label is compared.</summary>
    public SelectorOperator Operator { get; }

    /// <summary>The values compared against: one for Equal/NotEqual, at least one for In/NotIn, none for Exists/DoesNotExist.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Creates a validated requirement.</summary>
    /// <exception cref="SelectorParseException">The key, a value, or the number of values is invalid.</exception>
    public static LabelRequirement Create(string key, SelectorOperator op, params string[] values) =>
        Create(key, op, (IEnumerable<string>)values);

    /// <inheritdoc cref="Create(string, SelectorOperator, string[])"/>
    public static LabelRequirement Create(string key, SelectorOperator op, IEnumerable<string>? values)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problem = TryCreate(key, op, values ?? [], out var requirement);
        return problem is null ? requirement! : throw new SelectorParseException(null, null, null, problem);
    }

    /// <summary>Builds a requirement or returns the problem that prevents it.</summary>
    internal static string? TryCreate(string key, SelectorOperator op, IEnumerable<string> values, out LabelRequirement? requirement)
    {
        requirement = null;
        if (LabelSyntax.CheckKey(key) is { } keyProblem)
        {
            return keyProblem;
        }

        var sorted = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var countProblem = op switch
        {
            SelectorOperator.Equal or SelectorOperator.NotEqual when sorted.Length != 1 =>
                $"operator {op} on '{key}' needs exactly one value",
            SelectorOperator.In or SelectorOperator.NotIn when sorted.Length == 0 =>
                $"operator {op} on '{key}' needs at least one value",
            SelectorOperator.Exists or SelectorOperator.DoesNotExist when sorted.Length != 0 =>
                $"operator {op} on '{key}' takes no values",
            _ => null,
        };
        if (countProblem is not null)
        {
            return countProblem;
        }

        foreach (var value in sorted)
        {
            if (LabelSyntax.CheckValue(value) is { } valueProblem)
            {
                return valueProblem;
            }
        }

        requirement = new LabelRequirement(key, op, sorted);
        return null;
    }

    /// <summary>True when the labels satisfy this requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.Equal or SelectorOperator.In => present && Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.NotEqual or SelectorOperator.NotIn => !present || !Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            _ => false,
        };
    }

    /// <summary>The Kubernetes string form, e.g. <c>tier in (a,b)</c> or <c>!legacy</c>.</summary>
    public override string ToString() => Operator switch
    {
        SelectorOperator.Equal => $"{Key}={Values[0]}",
        SelectorOperator.NotEqual => $"{Key}!={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(',', Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(',', Values)})",
        SelectorOperator.Exists => Key,
        _ => $"!{Key}",
    };

    /// <inheritdoc/>
    public bool Equals(LabelRequirement? other) =>
        other is not null && Key == other.Key && Operator == other.Operator && Values.SequenceEqual(other.Values);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LabelRequirement);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, Operator, Values.Count);
}
