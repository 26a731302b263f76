using static Sveltos.Engine.Templates.Go.GoConvert;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// Sprig's path functions (Go's path package) and URL functions. The os* variants use filepath, which on Linux, where
/// the Sveltos controllers run, is the same as path.
/// </summary>
internal static partial class GoFunctions
{
    private static void AddSprigPaths(Adder add)
    {
        foreach (var prefix in new[] { "", "os" })
        {
            string Name(string name) => prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name[1..];
            add(Name("base"), 1, 1, (_, a) => PathBase(Str(a[0])));
            add(Name("dir"), 1, 1, (_, a) => PathDir(Str(a[0])));
            add(Name("clean"), 1, 1, (_, a) => PathClean(Str(a[0])));
            add(Name("ext"), 1, 1, (_, a) => PathExt(Str(a[0])));
            add(Name("isAbs"), 1, 1, (_, a) => Str(a[0]).StartsWith('/'));
        }

        add("urlParse", 1, 1, (_, a) => GoUrl.Parse(Str(a[0])));
        add("urlJoin", 1, 1, (_, a) => GoUrl.Join(Map(a[0])));
    }

    private static string PathBase(string path)
    {
        var trimmed = path.TrimEnd('/');
        return path.Length == 0 ? "." : trimmed.Length == 0 ? "/" : trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static string PathDir(string path) => PathClean(path[..(path.LastIndexOf('/') + 1)]);

    private static string PathExt(string path)
    {
        for (var i = path.Length - 1; i >= 0 && path[i] != '/'; i--)
        {
            if (path[i] == '.')
            {
                return path[i..];
            }
        }

        return "";
    }

    /// <summary>Go's path.Clean: the shortest equivalent path, lexically (no "." or empty elements, ".." resolved).</summary>
    private static string PathClean(string path)
    {
        var rooted = path.StartsWith('/');
        var elements = new List<string>();
        foreach (var element in path.Split('/'))
        {
            if (element is "" or ".")
            {
                continue;
            }

            if (element == ".." && elements.Count > 0 && elements[^1] != "..")
            {
                elements.RemoveAt(elements.Count - 1);
            }
            else if (element != ".." || !rooted)
            {
                elements.Add(element);
            }
        }

        var cleaned = (rooted ? "/" : "") + string.Join('/', elements);
        return cleaned.Length == 0 ? "." : cleaned;
    }
}
