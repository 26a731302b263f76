using Sveltos.Engine.Helm.Rendering;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class ManifestSplitterTests
{
    [Fact]
    public void Documents_are_cut_at_separators_trimmed_and_empty_ones_dropped()
    {
        var text = "\n\n---\napiVersion: v1\nkind: A\n\n---   \n  \nkind: B\n  \n---\n";

        Assert.Equal(["apiVersion: v1\nkind: A", "kind: B"], ManifestSplitter.Split(text));
    }

    [Fact]
    public void A_separator_followed_by_text_on_its_line_still_separates_like_Helm()
    {
        Assert.Equal(["a: 1", "b: 2", "c: 3"], ManifestSplitter.Split("a: 1\n--- b: 2\n---\nc: 3"));
    }

    [Fact]
    public void Dashes_inside_a_line_do_not_separate()
    {
        Assert.Equal(["text: a---b\nlist:\n- ---x"], ManifestSplitter.Split("text: a---b\nlist:\n- ---x\n"));
    }

    [Fact]
    public void Whitespace_only_text_has_no_documents()
    {
        Assert.Empty(ManifestSplitter.Split(" \n\t\n---\n \n"));
    }

    [Fact]
    public void A_separator_right_after_another_stays_in_the_document_as_Go_regexp_leaves_it()
    {
        // The first match swallows the blank lines after it, so the second "---" no longer follows a newline.
        Assert.Equal(["a: 1", "---\nb: 2"], ManifestSplitter.Split("a: 1\n---\n\n---\nb: 2"));
    }
}
