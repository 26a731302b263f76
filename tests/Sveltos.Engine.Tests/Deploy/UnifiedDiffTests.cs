using Sveltos.Engine.Deploy;

namespace Sveltos.Engine.Tests.Deploy;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff() => Assert.Equal("", UnifiedDiff.Create("a\nb\n", "a\nb", "live", "desired"));

    [Fact]
    public void A_changed_line_is_shown_with_context_and_ranges()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n", "live", "desired");

        Assert.Equal(
            "--- live\n+++ desired\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n",
            diff.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Creation_diffs_against_nothing()
    {
        var diff = UnifiedDiff.Create("", "kind: ConfigMap\nmetadata:\n", "live", "desired");

        Assert.Contains("@@ -0,0 +1,2 @@", diff);
        Assert.Contains("+kind: ConfigMap", diff);
    }

    [Fact]
    public void Distant_changes_make_separate_hunks()
    {
        var before = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"line{i}"));
        var after = before.Replace("line2\n", "two\n", StringComparison.Ordinal).Replace("line28", "twenty-eight", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create(before, after, "a", "b");

        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
    }
}
