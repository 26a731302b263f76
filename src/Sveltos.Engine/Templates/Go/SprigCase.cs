using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// Sprig's <c>camelcase</c> (huandu/xstrings ToPascalCase, as Sprig 3.3 with xstrings 1.5 calls it): words split at
/// '_', '-' and white space; leading and trailing connectors kept, a run of connectors between words keeps all but
/// its last; each word's first rune upper-cased, an all-upper-case word's other runes lower-cased.
/// </summary>
internal static class SprigCase
{
    public static string ToPascalCase(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length && IsConnector(text[i]))
        {
            result.Append(text[i++]);
        }

        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && !IsConnector(text[i]))
            {
                i++;
            }

            AppendWord(result, text[start..i]);
            var connectors = i;
            while (i < text.Length && IsConnector(text[i]))
            {
                i++;
            }

            result.Append(text, connectors, i < text.Length ? Math.Max(0, i - connectors - 1) : i - connectors);
        }

        return result.ToString();
    }

    private static void AppendWord(StringBuilder result, string word)
    {
        var allUpper = !word.Any(char.IsLower);
        for (var r = 0; r < word.Length; r++)
        {
            result.Append(r == 0 ? char.ToUpperInvariant(word[0]) : allUpper ? char.ToLowerInvariant(word[r]) : word[r]);
        }
    }

    private static bool IsConnector(char c) => c is '_' or '-' || char.IsWhiteSpace(c);
}
