namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// Go's filepath.Match on '/'-separated names (Unix rules): <c>*</c> and <c>?</c> never cross a '/', <c>[a-z]</c> and
/// <c>[^a-z]</c> classes, <c>\</c> escapes. A malformed pattern matches nothing, as Helm ignores Match's error.
/// </summary>
public static class GoPathMatch
{
    private const char Separator = '/';

    public static bool IsMatch(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return Match(pattern, name);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool Match(string pattern, string name)
    {
        while (pattern.Length > 0)
        {
            var (star, chunk, rest) = ScanChunk(pattern);
            pattern = rest;
            if (star && chunk.Length == 0)
            {
                return !name.Contains(Separator, StringComparison.Ordinal);
            }

            var (after, ok) = MatchChunk(chunk, name);
            if (ok && (after.Length == 0 || pattern.Length > 0))
            {
                name = after;
                continue;
            }

            var advanced = false;
            if (star)
            {
                for (var i = 0; i < name.Length && name[i] != Separator; i++)
                {
                    (after, ok) = MatchChunk(chunk, name[(i + 1)..]);
                    if (ok && !(pattern.Length == 0 && after.Length > 0))
                    {
                        name = after;
                        advanced = true;
                        break;
                    }
                }
            }

            if (advanced)
            {
                continue;
            }

            // Like Go, a mismatch still reports a malformed remainder of the pattern.
            while (pattern.Length > 0)
            {
                (_, chunk, pattern) = ScanChunk(pattern);
                MatchChunk(chunk, "");
            }

            return false;
        }

        return name.Length == 0;
    }

    private static (bool Star, string Chunk, string Remainder) ScanChunk(string pattern)
    {
        var star = false;
        while (pattern.Length > 0 && pattern[0] == '*')
        {
            pattern = pattern[1..];
            star = true;
        }

        var inRange = false;
        int i;
        for (i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    i++;
                }
            }
            else if (c == '[')
            {
                inRange = true;
            }
            else if (c == ']')
            {
                inRange = false;
            }
            else if (c == '*' && !inRange)
            {
                break;
            }
        }

        return (star, pattern[..i], pattern[i..]);
    }

    private static (string Remainder, bool Ok) MatchChunk(string chunk, string s)
    {
        var failed = false;
        while (chunk.Length > 0)
        {
            if (!failed && s.Length == 0)
            {
                failed = true;
            }

            switch (chunk[0])
            {
                case '[':
                    var r = '\0';
                    if (!failed)
                    {
                        r = s[0];
                        s = s[1..];
                    }

                    chunk = chunk[1..];
                    var negated = chunk.Length > 0 && chunk[0] == '^';
                    if (negated)
                    {
                        chunk = chunk[1..];
                    }

                    var match = false;
                    var ranges = 0;
                    while (true)
                    {
                        if (chunk.Length > 0 && chunk[0] == ']' && ranges > 0)
                        {
                            chunk = chunk[1..];
                            break;
                        }

                        (var lo, chunk) = Escaped(chunk);
                        var hi = lo;
                        if (chunk[0] == '-')
                        {
                            (hi, chunk) = Escaped(chunk[1..]);
                        }

                        match |= lo <= r && r <= hi;
                        ranges++;
                    }

                    failed |= match == negated;
                    break;
                case '?':
                    if (!failed)
                    {
                        failed = s[0] == Separator;
                        s = s[1..];
                    }

                    chunk = chunk[1..];
                    break;
                default:
                    if (chunk[0] == '\\')
                    {
                        chunk = chunk[1..];
                        if (chunk.Length == 0)
                        {
                            throw new FormatException("syntax error in pattern");
                        }
                    }

                    if (!failed)
                    {
                        failed = chunk[0] != s[0];
                        s = s[1..];
                    }

                    chunk = chunk[1..];
                    break;
            }
        }

        return failed ? ("", false) : (s, true);
    }

    private static (char Char, string Remainder) Escaped(string chunk)
    {
        if (chunk.Length == 0 || chunk[0] is '-' or ']')
        {
            throw new FormatException("syntax error in pattern");
        }

        if (chunk[0] == '\\')
        {
            chunk = chunk[1..];
            if (chunk.Length == 0)
            {
                throw new FormatException("syntax error in pattern");
            }
        }

        var rest = chunk[1..];
        return rest.Length == 0 ? throw new FormatException("syntax error in pattern") : (chunk[0], rest);
    }
}
