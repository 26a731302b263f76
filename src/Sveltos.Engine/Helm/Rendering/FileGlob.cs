using System.Text;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// The glob syntax of <c>.Files.Glob</c> (github.com/gobwas/glob with '/' as separator): <c>*</c> within a path
/// segment, <c>**</c> across segments, <c>?</c> one character, <c>[abc]</c> <c>[a-z]</c> <c>[!a-z]</c> classes,
/// <c>{a,b}</c> alternatives, <c>\</c> escapes. Like Helm, a pattern that does not compile matches every file.
/// </summary>
public sealed class FileGlob
{
    private readonly Regex? _regex;

    public FileGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            var builder = new StringBuilder("^");
            var position = 0;
            Translate(pattern, ref position, builder, inAlternative: false);
            _regex = new Regex(builder.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            _regex = null;
        }
    }

    public bool IsMatch(string name) => _regex is null || _regex.IsMatch(name);

    private static void Translate(string pattern, ref int i, StringBuilder regex, bool inAlternative)
    {
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (inAlternative && c is ',' or '}')
            {
                return;
            }

            i++;
            switch (c)
            {
                case '*' when i < pattern.Length && pattern[i] == '*':
                    i++;
                    regex.Append(".*");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    TranslateClass(pattern, ref i, regex);
                    break;
                case '{':
                    regex.Append("(?:");
                    while (true)
                    {
                        Translate(pattern, ref i, regex, inAlternative: true);
                        if (i >= pattern.Length)
                        {
                            throw new FormatException("unclosed '{'");
                        }

                        if (pattern[i++] == '}')
                        {
                            break;
                        }

                        regex.Append('|');
                    }

                    regex.Append(')');
                    break;
                case '\\':
                    if (i >= pattern.Length)
                    {
                        throw new FormatException("dangling escape");
                    }

                    regex.Append(Regex.Escape(pattern[i++].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }

    private static void TranslateClass(string pattern, ref int i, StringBuilder regex)
    {
        var negated = i < pattern.Length && pattern[i] == '!';
        if (negated)
        {
            i++;
        }

        var body = new StringBuilder();
        while (i < pattern.Length && pattern[i] != ']')
        {
            var lo = pattern[i++];
            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                var hi = pattern[i + 1];
                i += 2;
                body.Append(EscapeInClass(lo)).Append('-').Append(EscapeInClass(hi));
            }
            else
            {
                body.Append(EscapeInClass(lo));
            }
        }

        if (i >= pattern.Length || body.Length == 0)
        {
            throw new FormatException("unclosed or empty '['");
        }

        i++;
        regex.Append(negated ? "[^" : "[").Append(body).Append(']');
    }

    private static string EscapeInClass(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();
}
