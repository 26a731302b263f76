using System.Text.RegularExpressions;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// A chart version constraint as Helm reads one (Masterminds semver v3): <c>1.2.3</c>, <c>~1.2</c>, <c>^1</c>,
/// <c>&gt;=1.2 &lt;2</c> or <c>&gt;=1.2, &lt;2</c>, <c>1.2.x</c>, <c>*</c>, alternatives joined by <c>||</c> and hyphen
/// ranges (<c>1.2 - 1.4.5</c>). A prerelease version satisfies a term only when that term carries a prerelease.
/// </summary>
public sealed partial class VersionConstraint
{
    private readonly IReadOnlyList<IReadOnlyList<Term>> _alternatives;

    private VersionConstraint(string text, IReadOnlyList<IReadOnlyList<Term>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    /// <summary>The constraint as written.</summary>
    public string Text { get; }

    /// <summary>Reads a constraint; an empty text is an error (Helm turns "no version" into <c>*</c> itself).</summary>
    /// <exception cref="ChartSourceException">The text is not a constraint.</exception>
    public static VersionConstraint Parse(string text)
    {
        var rewritten = HyphenRange().Replace(text, m => $">= {m.Groups["from"].Value}, <= {m.Groups["to"].Value}");
        var alternatives = new List<IReadOnlyList<Term>>();
        foreach (var alternative in rewritten.Split("||"))
        {
            if (!Conjunction().IsMatch(alternative))
            {
                throw new ChartSourceException(
                    ChartSourceErrorIds.InvalidConstraint, ErrorKind.InvalidArgument, $"improper constraint: {alternative}", text,
                    "Give a version such as 1.2.3 or a constraint such as ~1.2, ^1, >=1.2 <2 or 1.2.x.");
            }

            alternatives.Add(TermInText().Matches(alternative).Select(m => Term.From(m.Groups["op"].Value, m.Groups["version"])).ToList());
        }

        return new VersionConstraint(text, alternatives);
    }

    /// <summary>Whether a version satisfies the constraint; a text that is no semantic version never does.</summary>
    public bool IsSatisfiedBy(string version) => ChartVersions.TryParse(version) is { } v && IsSatisfiedBy(v);

    internal bool IsSatisfiedBy(SemanticVersion version) => _alternatives.Any(terms => terms.All(t => t.Accepts(version)));

    public override string ToString() => Text;

    private const string VersionPattern =
        @"v?[0-9xX*|]+(?:\.[0-9xX*|]+)?(?:\.[0-9xX*|]+)?(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?";

    private const string OperatorPattern = @"=|!=|>|<|>=|=>|<=|=<|~|~>|\^|";

    [GeneratedRegex(@"\s*(?<from>" + VersionPattern + @")\s+-\s+(?<to>" + VersionPattern + @")\s*")]
    private static partial Regex HyphenRange();

    [GeneratedRegex(@"^\s*(?:" + OperatorPattern + @")\s*" + VersionPattern + @"\s*(?:(?:\s+|,\s*)(?:" + OperatorPattern + @")\s*" + VersionPattern + @"\s*)*$")]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"(?<op>" + OperatorPattern + @")\s*(?<version>" + VersionPattern + ")")]
    private static partial Regex TermInText();

    [GeneratedRegex(@"^v?(?<major>[0-9xX*|]+)(?:\.(?<minor>[0-9xX*|]+))?(?:\.(?<patch>[0-9xX*|]+))?(?<pre>-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex VersionParts();

    /// <summary>One comparison; a wildcard or missing minor/patch makes it "dirty" (a range rather than a point).</summary>
    private sealed record Term(string Op, SemanticVersion Bound, bool Dirty, bool MinorDirty, bool PatchDirty)
    {
        public static Term From(string op, Group versionText)
        {
            var m = VersionParts().Match(versionText.Value);
            static bool Wild(Group g) => !g.Success || g.Value is "x" or "X" or "*";
            var (text, dirty, minorDirty, patchDirty) =
                Wild(m.Groups["major"]) ? ("0.0.0" + m.Groups["pre"].Value, true, false, false)
                : Wild(m.Groups["minor"]) ? ($"{m.Groups["major"].Value}.0.0{m.Groups["pre"].Value}", true, true, false)
                : Wild(m.Groups["patch"]) ? ($"{m.Groups["major"].Value}.{m.Groups["minor"].Value}.0{m.Groups["pre"].Value}", true, false, true)
                : (versionText.Value, false, false, false);
            var bound = ChartVersions.TryParse(text)
                ?? throw new ChartSourceException(ChartSourceErrorIds.InvalidConstraint, ErrorKind.InvalidArgument, $"improper constraint: {op}{versionText.Value}");
            return new Term(op, bound, dirty, minorDirty, patchDirty);
        }

        public bool Accepts(SemanticVersion v)
        {
            if (Op is not "!=" && v.Prerelease.Length > 0 && Bound.Prerelease.Length == 0)
            {
                return false;
            }

            return Op switch
            {
                "" or "=" => Dirty ? Tilde(v) : v.CompareTo(Bound) == 0,
                "!=" => NotEqual(v),
                ">" => GreaterThan(v),
                "<" => v.CompareTo(Bound) < 0,
                ">=" or "=>" => v.CompareTo(Bound) >= 0,
                "<=" or "=<" => LessOrEqual(v),
                "~" or "~>" => Tilde(v),
                _ => Caret(v),
            };
        }

        private bool NotEqual(SemanticVersion v)
        {
            if (!Dirty)
            {
                return v.CompareTo(Bound) != 0;
            }

            if (v.Prerelease.Length > 0 && Bound.Prerelease.Length == 0)
            {
                return false;
            }

            if (Bound.Major != v.Major)
            {
                return true;
            }

            if (MinorDirty)
            {
                return false;
            }

            if (Bound.Minor != v.Minor)
            {
                return true;
            }

            return !PatchDirty && v.CompareTo(Bound) != 0
                || PatchDirty && (v.Prerelease.Length > 0 || Bound.Prerelease.Length > 0)
                    && (v with { Major = 0, Minor = 0, Patch = 0 }).CompareTo(Bound with { Major = 0, Minor = 0, Patch = 0 }) != 0;
        }

        private bool GreaterThan(SemanticVersion v)
        {
            if (!Dirty)
            {
                return v.CompareTo(Bound) > 0;
            }

            if (v.Major != Bound.Major)
            {
                return v.Major > Bound.Major;
            }

            return !MinorDirty && (PatchDirty ? v.Minor > Bound.Minor : v.CompareTo(Bound) > 0);
        }

        private bool LessOrEqual(SemanticVersion v) =>
            !Dirty ? v.CompareTo(Bound) <= 0
            : v.Major < Bound.Major || (v.Major == Bound.Major && (MinorDirty || v.Minor <= Bound.Minor));

        private bool Tilde(SemanticVersion v)
        {
            if (v.CompareTo(Bound) < 0)
            {
                return false;
            }

            if (Bound is { Major: 0, Minor: 0, Patch: 0 } && !MinorDirty && !PatchDirty)
            {
                return true;
            }

            return v.Major == Bound.Major && (MinorDirty || v.Minor == Bound.Minor);
        }

        private bool Caret(SemanticVersion v)
        {
            if (v.CompareTo(Bound) < 0)
            {
                return false;
            }

            if (Bound.Major > 0 || MinorDirty)
            {
                return v.Major == Bound.Major;
            }

            if (v.Major > 0)
            {
                return false;
            }

            if (Bound.Minor > 0 || PatchDirty)
            {
                return v.Minor == Bound.Minor;
            }

            return v.Minor == 0 && v.Patch == Bound.Patch;
        }
    }
}
