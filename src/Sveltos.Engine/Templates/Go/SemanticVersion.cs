using System.Globalization;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Templates.Go;

/// <summary>Semantic versions and constraints as Sprig's semver/semverCompare read them (Masterminds semver v3).</summary>
internal sealed partial record SemanticVersion(long Major, long Minor, long Patch, string Prerelease, string Metadata, string Original)
{
    public static SemanticVersion Parse(string text)
    {
        var m = VersionPattern().Match(text.Trim());
        if (!m.Success)
        {
            throw new GoFunctionException("Invalid Semantic Version");
        }

        static long Part(Group g) => g.Success && g.Value is not ("x" or "X" or "*") ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        return new SemanticVersion(Part(m.Groups[1]), Part(m.Groups[2]), Part(m.Groups[3]), m.Groups[4].Value, m.Groups[5].Value, text);
    }

    public int CompareTo(SemanticVersion other)
    {
        var c = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (c != 0)
        {
            return c;
        }

        if (Prerelease.Length == 0 || other.Prerelease.Length == 0)
        {
            return Prerelease.Length == other.Prerelease.Length ? 0 : Prerelease.Length == 0 ? 1 : -1;
        }

        var a = Prerelease.Split('.');
        var b = other.Prerelease.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var numeric = long.TryParse(a[i], out var x) & long.TryParse(b[i], out var y);
            var r = numeric ? x.CompareTo(y) : string.CompareOrdinal(a[i], b[i]);
            if (r != 0)
            {
                return Math.Sign(r);
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Whether <paramref name="version"/> satisfies <paramref name="constraint"/> ("&gt;=1.20.0-0, &lt;2", "~1.2", "^1 || 2.x").</summary>
    public static bool Satisfies(string constraint, string version)
    {
        var v = Parse(version);
        foreach (var alternative in constraint.Split("||"))
        {
            var terms = TermPattern().Matches(alternative);
            if (terms.Count == 0)
            {
                throw new GoFunctionException($"improper constraint: {constraint}");
            }

            if (terms.All(t => Matches(t.Groups[1].Value, t.Groups[2].Value, v)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string op, string text, SemanticVersion v)
    {
        var m = VersionPattern().Match(text);
        if (!m.Success)
        {
            throw new GoFunctionException($"improper constraint: {op}{text}");
        }

        var c = Parse(text);
        // A prerelease version only satisfies constraints that carry a prerelease themselves.
        if (v.Prerelease.Length > 0 && c.Prerelease.Length == 0)
        {
            return false;
        }

        var wildMinor = !m.Groups[2].Success || m.Groups[2].Value is "x" or "X" or "*";
        var wildPatch = !m.Groups[3].Success || m.Groups[3].Value is "x" or "X" or "*";
        var upper = wildMinor ? c with { Major = c.Major + 1, Minor = 0, Patch = 0, Prerelease = "" }
            : wildPatch ? c with { Minor = c.Minor + 1, Patch = 0, Prerelease = "" } : null;
        var cmp = v.CompareTo(c);
        switch (op)
        {
            case "" or "=" or "==":
                return upper is null ? cmp == 0 : cmp >= 0 && v.CompareTo(upper) < 0;
            case "!=":
                return upper is null ? cmp != 0 : cmp < 0 || v.CompareTo(upper) >= 0;
            case ">":
                return upper is null ? cmp > 0 : v.CompareTo(upper) >= 0;
            case ">=" or "=>":
                return cmp >= 0;
            case "<":
                return cmp < 0;
            case "<=" or "=<":
                return upper is null ? cmp <= 0 : v.CompareTo(upper) < 0;
            case "~" or "~>":
                var tildeUpper = wildMinor ? c with { Major = c.Major + 1, Minor = 0, Patch = 0, Prerelease = "" } : c with { Minor = c.Minor + 1, Patch = 0, Prerelease = "" };
                return cmp >= 0 && v.CompareTo(tildeUpper) < 0;
            case "^":
                var caretUpper = c.Major > 0 || wildMinor ? c with { Major = c.Major + 1, Minor = 0, Patch = 0, Prerelease = "" }
                    : c.Minor > 0 || wildPatch ? c with { Minor = c.Minor + 1, Patch = 0, Prerelease = "" }
                    : c with { Patch = c.Patch + 1, Prerelease = "" };
                return cmp >= 0 && v.CompareTo(caretUpper) < 0;
            default:
                throw new GoFunctionException($"improper constraint: {op}{text}");
        }
    }

    [GeneratedRegex(@"^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"(=>|=<|>=|<=|!=|==|~>|[=<>~^]?)\s*(v?[0-9xX*][0-9A-Za-z.+*-]*)")]
    private static partial Regex TermPattern();
}
