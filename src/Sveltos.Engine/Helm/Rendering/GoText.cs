using System.Globalization;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>String helpers with Go's semantics where .NET's differ.</summary>
internal static class GoText
{
    /// <summary>Go's strings.TrimSpace: trims Unicode white space (the same set as .NET's <see cref="char.IsWhiteSpace(char)"/>).</summary>
    public static string TrimSpace(string text) => text.Trim();

    /// <summary>Go's path.Base for '/'-separated paths.</summary>
    public static string BaseName(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return path.Length == 0 ? "." : "/";
        }

        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary>Go's strconv.Atoi: an optional sign and decimal digits, nothing else; null when it does not parse.</summary>
    public static long? Atoi(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var start = text[0] is '+' or '-' ? 1 : 0;
        if (start == text.Length || text.AsSpan(start).ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
