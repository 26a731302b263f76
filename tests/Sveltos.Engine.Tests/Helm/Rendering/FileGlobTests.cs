using Sveltos.Engine.Helm.Rendering;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class FileGlobTests
{
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
