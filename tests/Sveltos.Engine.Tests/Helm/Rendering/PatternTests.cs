using Sveltos.Engine.Helm.Rendering;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class PatternTests
{
    [Theory]
    [InlineData("templates/*.yaml", "templates/a.yaml", true)]
    [InlineData("templates/*", "templates/sub/a.yaml", false)]
    [InlineData("templates/?.yaml", "templates/a.yaml", true)]
    [InlineData("templates/[a-c].yaml", "templates/b.yaml", true)]
    [InlineData("templates/[^a-c].yaml", "templates/b.yaml", false)]
    [InlineData("templates/\\*.yaml", "templates/*.yaml", true)]
    [InlineData("templates/[", "templates/[", false)]
    [InlineData("*/a.yaml", "templates/a.yaml", true)]
    [InlineData("templates/a*b*c", "templates/axxbyyc", true)]
    [InlineData("templates/a*b", "templates/axxbyy", false)]
    public void Go_filepath_Match(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, GoPathMatch.IsMatch(pattern, name));
    }

    [Theory]
    [InlineData("files/*", "files/a.txt", true)]
    [InlineData("files/*", "files/sub/a.txt", false)]
    [InlineData("files/**", "files/sub/a.txt", true)]
    [InlineData("**.txt", "files/sub/a.txt", true)]
    [InlineData("files/{a,b}.txt", "files/b.txt", true)]
    [InlineData("files/[!a].txt", "files/a.txt", false)]
    [InlineData("files/[a-c].txt", "files/c.txt", true)]
    [InlineData("files/?.txt", "files/ab.txt", false)]
    [InlineData("files/{unclosed", "anything/at/all", true)]
    public void Files_Glob_follows_gobwas_glob(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, new FileGlob(pattern).IsMatch(name));
    }
}
