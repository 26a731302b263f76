namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// Go's path/filepath.Match on a '/'-separated system: '*' is any run of non-'/' characters, '?' one non-'/'
/// character, '[a-z]' / '[^a-z]' a class, '\' escapes; the whole name must match. A malformed pattern is an error
/// ("syntax error in pattern"), as Go reports ErrBadPattern.
/// </summary>
internal static class GoPathPattern
{
    public const string BadPattern = "syntax error in pattern";

    /// <exception cref="FormatException">The pattern is malformed.</exception>
    public static bool Match(string pattern, string name)
    {
        while (pattern.Length > 0)
        {
            var (star, chunk, rest) = ScanChunk(pattern);
            pattern = rest;
            if (star && chunk.Length == 0)
            {
                return !name.Contains('/');
            }

            var (remaining, ok) = MatchChunk(chunk, name);
            if (ok && (remaining.Length == 0 || pattern.Length > 0))
            {
                name = remaining;
                continue;
            }

            if (star && TrySkip(chunk, pattern, ref name))
            {
                continue;
            }

            // Before giving up, check the rest of the pattern is well-formed, as Go does.
            while (pattern.Length > 0)
            {
                (_, chunk, pattern) = ScanChunk(pattern);
                MatchChunk(chunk, "");
            }

            return false;
        }

        return name.Length == 0;
    }

    private static bool TrySkip(string chunk, string pattern, ref string name)
    {
        for (var i = 0; i < name.Length && name[i] != '/'; i++)
        {
            var (remaining, ok) = MatchChunk(chunk, name[(i + 1)..]);
            if (ok)
            {
                if (pattern.Length == 0 && remaining.Length > 0)
                {
                    continue;
                }

                name = remaining;
                return true;
            }
        }

        return false;
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
        var i = 0;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i++;
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

                        var lo = GetEscaped(ref chunk);
                        var hi = lo;
                        if (chunk[0] == '-')
                        {
                            chunk = chunk[1..];
                            hi = GetEscaped(ref chunk);
                        }

                        if (lo <= r && r <= hi)
                        {
                            match = true;
                        }

                        ranges++;
                    }

                    if (match == negated)
                    {
                        failed = true;
                    }

                    break;
                case '?':
                    if (!failed)
                    {
                        failed = s[0] == '/';
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
                            throw new FormatException(BadPattern);
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

    private static char GetEscaped(ref string chunk)
    {
        if (chunk.Length == 0 || chunk[0] is '-' or ']')
        {
            throw new FormatException(BadPattern);
        }

        if (chunk[0] == '\\')
        {
            chunk = chunk[1..];
            if (chunk.Length == 0)
            {
                throw new FormatException(BadPattern);
            }
        }

        var r = chunk[0];
        chunk = chunk[1..];
        if (chunk.Length == 0)
        {
            throw new FormatException(BadPattern);
        }

        return r;
    }
}
