using System.Text.RegularExpressions;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>A registry's WWW-Authenticate challenge: <c>Basic realm=...</c> or <c>Bearer realm=...,service=...,scope=...</c>.</summary>
internal sealed partial record RegistryChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public static RegistryChallenge? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space >= 0)
        {
            foreach (Match m in Parameter().Matches(header[(space + 1)..]))
            {
                parameters[m.Groups["key"].Value] = m.Groups["quoted"].Success ? m.Groups["quoted"].Value.Replace("\\\"", "\"", StringComparison.Ordinal) : m.Groups["plain"].Value;
            }
        }

        return new RegistryChallenge(scheme, parameters);
    }

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? this[string key] => Parameters.TryGetValue(key, out var value) ? value : null;

    [GeneratedRegex(@"(?<key>[A-Za-z0-9_-]+)\s*=\s*(?:""(?<quoted>(?:[^""\\]|\\.)*)""|(?<plain>[^,\s]*))")]
    private static partial Regex Parameter();
}
