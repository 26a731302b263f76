namespace Sveltos.Completers;

internal static class CompletionText
{
    /// <summary>Quotes a completion only when PowerShell would otherwise split or interpret it.</summary>
    public static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || "'\"`$(){}[]@#;,|&<>".Contains(c))
            ? "'" + value.Replace("'", "''") + "'"
            : value;
}
