using System.Text;

namespace Sveltos.Engine.Deploy;

/// <summary>Line-based unified diff (the format of <c>diff -u</c> and <c>kubectl diff</c>).</summary>
public static class UnifiedDiff
{
    public static string Create(string oldText, string newText, string oldLabel, string newLabel, int context = 3)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return "";
        }

        var output = new StringBuilder();
        output.Append("--- ").AppendLine(oldLabel);
        output.Append("+++ ").AppendLine(newLabel);
        foreach (var (start, end) in Hunks(edits, context))
        {
            var slice = edits.Skip(start).Take(end - start).ToList();
            var oldStart = edits.Take(start).Count(e => e.Kind != '+') + 1;
            var newStart = edits.Take(start).Count(e => e.Kind != '-') + 1;
            var oldCount = slice.Count(e => e.Kind != '+');
            var newCount = slice.Count(e => e.Kind != '-');
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).AppendLine(" @@");
            foreach (var edit in slice)
            {
                output.Append(edit.Kind).AppendLine(edit.Line);
            }
        }

        return output.ToString();
    }

    private static string Range(int start, int count) => count == 1 ? $"{start}" : $"{(count == 0 ? start - 1 : start)},{count}";

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        // Longest common subsequence over lines; objects are small enough for the quadratic table.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x++]));
            }
            else
            {
                edits.Add(('+', b[y++]));
            }
        }

        return edits;
    }

    private static IEnumerable<(int Start, int End)> Hunks(List<(char Kind, string Line)> edits, int context)
    {
        var changed = edits.Select((e, i) => (e, i)).Where(p => p.e.Kind != ' ').Select(p => p.i).ToList();
        var start = Math.Max(0, changed[0] - context);
        var end = Math.Min(edits.Count, changed[0] + context + 1);
        foreach (var index in changed.Skip(1))
        {
            if (index - context > end)
            {
                yield return (start, end);
                start = index - context;
            }

            end = Math.Min(edits.Count, index + context + 1);
        }

        yield return (start, end);
    }
}
