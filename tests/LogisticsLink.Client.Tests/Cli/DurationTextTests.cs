using LogisticsLink.Cli;

namespace LogisticsLink.Client.Tests.Cli;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("30", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2D", 172_800_000)]
    public void Parses_common_forms(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("10x")]
    [InlineData("-5s")]
    [InlineData("5 s")]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("infinity")]
    [InlineData("-infinity")]
    [InlineData("99999999999d")]
    [InlineData("99999999999999999999")]
    [InlineData("10675199d10675199d")]
    public void Rejects_the_rest(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
        Assert.Contains("--max-age", Assert.Throws<UsageException>(() => DurationText.ParseOption("max-age", text)).Message);
    }
}
