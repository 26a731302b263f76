using System.Text;
using Sveltos.Engine.Helm.Rendering;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class ChartFilesTests
{
    private static readonly ChartFiles Files = new(new Dictionary<string, byte[]>
    {
        ["config/app.conf"] = Encoding.UTF8.GetBytes("a=1\nb=2\n"),
        ["config/deep/db.conf"] = Encoding.UTF8.GetBytes("host=x"),
        ["README.md"] = Encoding.UTF8.GetBytes("readme"),
        ["empty.txt"] = [],
    });

    [Fact]
    public void Get_of_a_missing_file_is_empty()
    {
        Assert.Equal("readme", Files.Get("README.md"));
        Assert.Equal("", Files.Get("nope"));
        Assert.Empty(Files.GetBytes("nope"));
    }

    [Fact]
    public void Lines_drops_the_piece_after_a_final_newline_and_an_empty_file_has_none()
    {
        Assert.Equal(["a=1", "b=2"], Files.Lines("config/app.conf"));
        Assert.Equal(["host=x"], Files.Lines("config/deep/db.conf"));
        Assert.Empty(Files.Lines("empty.txt"));
        Assert.Empty(Files.Lines("missing"));
    }

    [Fact]
    public void Glob_selects_files_and_entries_are_keyed_by_base_name()
    {
        var config = Files.Glob("config/**");

        Assert.Equal(["config/app.conf", "config/deep/db.conf"], config.Names);
        Assert.Equal("app.conf: |\n  a=1\n  b=2\ndb.conf: host=x", config.AsConfig());
        Assert.Equal("app.conf: YT0xCmI9Mgo=\ndb.conf: aG9zdD14", config.AsSecrets());
    }

    [Fact]
    public void A_glob_matching_nothing_gives_an_empty_map()
    {
        Assert.Equal("{}", Files.Glob("nothing/*").AsConfig());
    }
}
