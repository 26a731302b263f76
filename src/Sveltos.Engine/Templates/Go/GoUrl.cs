using System.Globalization;
using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// Go's net/url as Sprig's urlParse and urlJoin use it: Parse splits a URL into scheme, userinfo, host, path, query,
/// opaque and fragment (the path and fragment unescaped); Join writes a URL back (URL.String).
/// </summary>
internal static class GoUrl
{
    private const string PathSafe = "-_.~$&+,/:;=@";
    private const string FragmentSafe = "-_.~$&+,/:;=?@!()*";
    private const string UserSafe = "-_.~$&+,;=";

    public static Dictionary<string, object?> Parse(string text)
    {
        try
        {
            return ParseParts(text);
        }
        catch (FormatException e)
        {
            throw new GoFunctionException($"unable to parse url: parse {GoFormat.Quote(text)}: {e.Message}");
        }
    }

    public static string Join(Dictionary<string, object?> parts)
    {
        string Part(string key) => !parts.TryGetValue(key, out var value) ? ""
            : value as string ?? throw new GoFunctionException($"unable to parse {key} key, must be of type string, but {GoValues.KindName(value)} found");

        var (scheme, host, path, query, opaque, fragment, userinfo) =
            (Part("scheme"), Part("host"), Part("path"), Part("query"), Part("opaque"), Part("fragment"), Part("userinfo"));
        var user = userinfo.Length == 0 ? null : UserOf(userinfo);
        var text = new StringBuilder();
        if (scheme.Length > 0)
        {
            text.Append(scheme).Append(':');
        }

        if (opaque.Length > 0)
        {
            text.Append(opaque);
        }
        else
        {
            if (scheme.Length > 0 || host.Length > 0 || user is not null)
            {
                if (host.Length > 0 || path.Length > 0 || user is not null)
                {
                    text.Append("//");
                }

                if (user is not null)
                {
                    text.Append(user).Append('@');
                }

                text.Append(host);
            }

            var escapedPath = Escape(path, PathSafe);
            if (escapedPath.Length > 0 && escapedPath[0] != '/' && host.Length > 0)
            {
                text.Append('/');
            }

            if (text.Length == 0 && escapedPath.Split('/')[0].Contains(':', StringComparison.Ordinal))
            {
                text.Append("./");
            }

            text.Append(escapedPath);
        }

        if (query.Length > 0)
        {
            text.Append('?').Append(query);
        }

        if (fragment.Length > 0)
        {
            text.Append('#').Append(Escape(fragment, FragmentSafe));
        }

        return text.ToString();
    }

    private static Dictionary<string, object?> ParseParts(string text)
    {
        var rest = text;
        var fragment = "";
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = Unescape(rest[(hash + 1)..]);
            rest = rest[..hash];
        }

        var scheme = "";
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.')))
            {
                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    throw new FormatException("missing protocol scheme");
                }

                scheme = rest[..i].ToLowerInvariant();
                rest = rest[(i + 1)..];
            }

            break;
        }

        var query = "";
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        string opaque = "", host = "", userinfo = "", path = "";
        if (!rest.StartsWith('/') && scheme.Length > 0)
        {
            opaque = rest;
        }
        else
        {
            if (!rest.StartsWith('/') && rest.Split('/')[0].Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException("first path segment in URL cannot contain colon");
            }

            if (rest.StartsWith("//", StringComparison.Ordinal) && !rest.StartsWith("///", StringComparison.Ordinal))
            {
                var authority = rest[2..];
                var slash = authority.IndexOf('/', StringComparison.Ordinal);
                rest = slash >= 0 ? authority[slash..] : "";
                authority = slash >= 0 ? authority[..slash] : authority;
                var at = authority.LastIndexOf('@');
                if (at >= 0)
                {
                    userinfo = UserOf(authority[..at]);
                    authority = authority[(at + 1)..];
                }

                host = Unescape(authority);
            }

            path = Unescape(rest);
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scheme"] = scheme,
            ["host"] = host,
            ["hostname"] = HostName(host),
            ["path"] = path,
            ["query"] = query,
            ["opaque"] = opaque,
            ["fragment"] = fragment,
            ["userinfo"] = userinfo,
        };
    }

    /// <summary>Userinfo as Go's Userinfo.String writes it: user[:password], each escaped.</summary>
    private static string UserOf(string raw)
    {
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        var user = Escape(Unescape(colon < 0 ? raw : raw[..colon]), UserSafe);
        return colon < 0 ? user : user + ":" + Escape(Unescape(raw[(colon + 1)..]), UserSafe);
    }

    private static string HostName(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end < 0 ? host[1..] : host[1..end];
        }

        var colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }

            if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                throw new FormatException($"invalid URL escape {GoFormat.Quote(text[i..Math.Min(text.Length, i + 3)])}");
            }

            bytes.Add(b);
            i += 2;
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Escape(string text, string safe)
    {
        var result = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || safe.Contains(c, StringComparison.Ordinal))
            {
                result.Append(c);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
