namespace Sveltos.KubeSim.Store;

/// <summary>A parsed Kubernetes label selector (=, ==, !=, in, notin, exists, !key, gt, lt), matched against label maps.</summary>
internal sealed class LabelSelector
{
    private enum Op
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
        GreaterThan,
        LessThan,
    }

    private sealed record Requirement(string Key, Op Operator, IReadOnlyList<string> Values);

    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEverything => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var r in _requirements)
        {
            var has = labels.TryGetValue(r.Key, out var value);
            var ok = r.Operator switch
            {
                Op.Equals or Op.In => has && r.Values.Contains(value),
                Op.NotEquals or Op.NotIn => !has || !r.Values.Contains(value),
                Op.Exists => has,
                Op.DoesNotExist => !has,
                Op.GreaterThan => has && long.TryParse(value, out var g) && g > long.Parse(r.Values[0], System.Globalization.CultureInfo.InvariantCulture),
                Op.LessThan => has && long.TryParse(value, out var l) && l < long.Parse(r.Values[0], System.Globalization.CultureInfo.InvariantCulture),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Parses selector syntax; throws <see cref="FormatException"/> with a message in the API server's words.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<Requirement>();
        foreach (var clause in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(clause.Trim()));
        }
        return new LabelSelector(requirements);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return text[start..];
    }

    private static Requirement ParseRequirement(string clause)
    {
        if (clause.Length == 0)
        {
            throw new FormatException("found '', expected: identifier");
        }
        if (clause[0] == '!')
        {
            return new Requirement(Key(clause[1..].Trim(), clause), Op.DoesNotExist, []);
        }
        foreach (var (token, op) in new[] { ("!=", Op.NotEquals), ("==", Op.Equals), ("=", Op.Equals), (">", Op.GreaterThan), ("<", Op.LessThan) })
        {
            var at = clause.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                var value = clause[(at + token.Length)..].Trim();
                if (op is Op.GreaterThan or Op.LessThan && !long.TryParse(value, out _))
                {
                    throw new FormatException($"unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer");
                }
                return new Requirement(Key(clause[..at].Trim(), clause), op, [value]);
            }
        }
        var parts = clause.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
        {
            return new Requirement(Key(parts[0], clause), Op.Exists, []);
        }
        var rest = parts[1].Trim();
        var setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? Op.NotIn : rest.StartsWith("in", StringComparison.Ordinal) ? Op.In : (Op?)null;
        var list = rest[(setOp == Op.NotIn ? 5 : 2)..].Trim();
        if (setOp is null || !list.StartsWith('(') || !list.EndsWith(')'))
        {
            throw new FormatException($"unable to parse requirement: found '{rest}', expected: in, notin, =, ==, !=, gt, lt");
        }
        var values = list[1..^1].Split(',').Select(v => v.Trim()).ToArray();
        return new Requirement(Key(parts[0], clause), setOp.Value, values);
    }

    private static string Key(string key, string clause)
    {
        if (key.Length == 0 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
        {
            throw new FormatException($"unable to parse requirement: invalid label key \"{key}\" in \"{clause}\"");
        }
        return key;
    }
}
