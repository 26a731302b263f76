namespace Sveltos.HelmCorpus;

/// <summary>The first line at which the engine's output and the golden differ (1-based; null text past the end).</summary>
internal sealed record FirstDifference(int Line, string? Expected, string? Actual)
{
    /// <summary>The file of an <c>--output-dir</c> tree the difference is in.</summary>
    public string? File { get; init; }

    private const int Shown = 160;

    public static FirstDifference? Of(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var line = 0;
        while (line < want.Length && line < got.Length && want[line] == got[line])
        {
            line++;
        }

        return new FirstDifference(line + 1, line < want.Length ? want[line] : null, line < got.Length ? got[line] : null);
    }

    public override string ToString() =>
        $"{(File is null ? "" : File + " ")}line {Line}\n      helm:   {Show(Expected)}\n      engine: {Show(Actual)}";

    private static string Show(string? text) =>
        text is null ? "(end of output)" : Quote(text.Length > Shown ? text[..Shown] + "..." : text);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
