using System.Globalization;
using System.Numerics;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// sigs.k8s.io/yaml's Marshal, which Helm's toYaml and the Sveltos controllers call: the value goes through JSON
/// (so a float64 with an integral value under 1e21 comes back as an integer: 1e+06 is written 1000000) and is
/// then written by go-yaml v2, keys in go-yaml's order, strings quoted only when they would read back as another
/// type or cannot be written plain, multi-line strings as literal blocks.
/// </summary>
internal static class GoYaml
{
    /// <summary>The YAML text, ending with a line break.</summary>
    /// <exception cref="GoFunctionException">The value has no JSON form (NaN or an infinity), worded as sigs.k8s.io/yaml words it.</exception>
    public static string Marshal(object? value) => GoYamlEmitter.Write(Node(value, 0));

    private static GoYamlNode Node(object? value, int depth)
    {
        if (depth > GoValues.MaxDepth)
        {
            throw new GoFunctionException($"the value is nested more than {GoValues.MaxDepth} levels deep");
        }

        return value switch
        {
            null => new GoYamlScalar("null", GoYamlStyle.Plain),
            bool b => new GoYamlScalar(b ? "true" : "false", GoYamlStyle.Plain),
            long l => new GoYamlScalar(l.ToString(CultureInfo.InvariantCulture), GoYamlStyle.Plain),
            double d => new GoYamlScalar(Number(d), GoYamlStyle.Plain),
            string s => String(s),
            Dictionary<string, object?> map => new GoYamlMapping(GoYamlKeyOrder.Sort(map.Keys).Select(k => (String(k), Node(map[k], depth + 1))).ToList()),
            List<object?> list => new GoYamlSequence(list.Select(item => Node(item, depth + 1)).ToList()),
            _ => String(GoValues.ToJson(value)!.GetValue<string>()),
        };
    }

    /// <summary>go-yaml's string style: literal when multi-line, plain when it reads back as the same string, double-quoted otherwise.</summary>
    private static GoYamlScalar String(string text) =>
        text.Contains('\n', StringComparison.Ordinal) ? new GoYamlScalar(text, GoYamlStyle.Literal)
        : GoYamlResolver.CanBePlain(text) ? new GoYamlScalar(text, GoYamlStyle.Plain)
        : new GoYamlScalar(text, GoYamlStyle.DoubleQuoted);

    /// <summary>A float64 as encoding/json writes it and go-yaml reads that back: integers when the text has no point or exponent.</summary>
    private static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new GoFunctionException($"error marshaling into JSON: json: unsupported value: {GoValues.FormatFloat(value)}");
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e21)
        {
            var integer = new BigInteger(value);
            if (integer >= long.MinValue && integer <= ulong.MaxValue)
            {
                return integer.ToString(CultureInfo.InvariantCulture);
            }
        }

        return GoValues.FormatFloat(value);
    }
}
