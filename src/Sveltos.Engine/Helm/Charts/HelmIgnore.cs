namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// .helmignore rules exactly as Helm 3 applies them (pkg/ignore): one glob per line (Go's filepath.Match, no '**'),
/// '#' comments, a trailing '/' for folders only, a leading '/' anchored at the chart root, a pattern without '/'
/// matched against the base name only. Rules are tried in order and the first that decides wins; a '!' rule decides
/// "ignore" for every path it does NOT match (Helm's known quirk, kept so the same files are packaged and loaded).
/// The default rule ignores dot files in templates/.
/// </summary>
public sealed class HelmIgnore
{
    public const string FileName = ".helmignore";

    private readonly List<Rule> _rules = [];

    private HelmIgnore()
    {
    }

    /// <summary>The rules of a .helmignore text plus Helm's default; <paramref name="text"/> null for a chart without one.</summary>
    /// <exception cref="FormatException">A rule uses '**' or is not a valid pattern.</exception>
    public static HelmIgnore Parse(string? text)
    {
        var rules = new HelmIgnore();
        if (text is not null)
        {
            var lineNumber = 0;
            foreach (var line in text.TrimStart('\uFEFF').Split('\n'))
            {
                lineNumber++;
                try
                {
                    rules.Add(line);
                }
                catch (FormatException e)
                {
                    throw new FormatException($"line {lineNumber}: {e.Message}", e);
                }
            }
        }

        rules.Add("templates/.?*");
        return rules;
    }

    /// <summary>True when the file or folder at this chart-relative path ('/' separators) is ignored.</summary>
    public bool Ignores(string path, bool isDirectory)
    {
        if (path is "" or "." or "./")
        {
            return false;
        }

        foreach (var rule in _rules)
        {
            if (rule.Negate)
            {
                if ((rule.MustBeDirectory && !isDirectory) || !rule.Matches(path))
                {
                    return true;
                }

                continue;
            }

            if (rule.MustBeDirectory && !isDirectory)
            {
                continue;
            }

            if (rule.Matches(path))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(string line)
    {
        var rule = line.Trim();
        if (rule.Length == 0 || rule.StartsWith('#'))
        {
            return;
        }

        if (rule.Contains("**", StringComparison.Ordinal))
        {
            throw new FormatException("double-star (**) syntax is not supported");
        }

        GoPathPattern.Match(rule, "abc");
        var negate = rule.StartsWith('!');
        if (negate)
        {
            rule = rule[1..];
        }

        var mustBeDirectory = rule.EndsWith('/');
        if (mustBeDirectory)
        {
            rule = rule[..^1];
        }

        var kind = rule.StartsWith('/') ? RuleKind.Anchored : rule.Contains('/') ? RuleKind.Structural : RuleKind.BaseName;
        _rules.Add(new Rule(kind == RuleKind.Anchored ? rule[1..] : rule, kind, negate, mustBeDirectory));
    }

    private enum RuleKind
    {
        Anchored,
        Structural,
        BaseName,
    }

    private sealed record Rule(string Pattern, RuleKind Kind, bool Negate, bool MustBeDirectory)
    {
        public bool Matches(string path)
        {
            var name = Kind == RuleKind.BaseName ? BaseName(path) : path;
            try
            {
                return GoPathPattern.Match(Pattern, name);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        /// <summary>Go's filepath.Base: trailing slashes removed, then the last element.</summary>
        private static string BaseName(string path)
        {
            var trimmed = path.TrimEnd('/');
            if (trimmed.Length == 0)
            {
                return path.Length == 0 ? "." : "/";
            }

            var slash = trimmed.LastIndexOf('/');
            return slash < 0 ? trimmed : trimmed[(slash + 1)..];
        }
    }
}
