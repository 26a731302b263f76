using Sveltos.Engine.Helm.Releases;

namespace Sveltos.Engine.Tests.Helm.Releases;

public class HelmTimeTests
{
    [Theory]
    [InlineData("2024-05-01T10:20:30.123456789+02:00")]
    [InlineData("2024-05-01T10:20:30Z")]
    [InlineData("2024-05-01T10:20:30.1-07:30")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void A_time_Go_wrote_is_written_back_to_the_same_text(string text)
    {
        Assert.True(HelmTime.TryParse(text, out var time));

        Assert.Equal(text, time.ToGoText());
    }

    [Theory]
    [InlineData("2024-05-01T10:20:30.120000000+00:00", "2024-05-01T10:20:30.12Z")]
    [InlineData("2024-05-01t10:20:30.0000000001z", "2024-05-01T10:20:30Z")]
    public void Go_prints_zero_offsets_as_Z_and_drops_trailing_zeros(string text, string printed)
    {
        Assert.True(HelmTime.TryParse(text, out var time));

        Assert.Equal(printed, time.ToGoText());
    }

    [Fact]
    public void The_zero_time_is_the_empty_string_in_a_release()
    {
        Assert.Equal("", HelmTime.Zero.ToJsonText());
        Assert.Equal("0001-01-01T00:00:00Z", HelmTime.Zero.ToGoText());
        Assert.False(HelmTime.TryParse("2024-13-01T00:00:00Z", out _));
        Assert.False(HelmTime.TryParse("yesterday", out _));
    }
}
