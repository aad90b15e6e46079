using LogisticsLink.Carriers.Ups;

namespace LogisticsLink.Carriers.Tests.Ups;

public sealed class UpsTimestampsTests
{
    [Theory]
    [InlineData("74700", 7, 47, 0)]
    [InlineData("074700", 7, 47, 0)]
    [InlineData("0", 0, 0, 0)]
    [InlineData("235959", 23, 59, 59)]
    [InlineData("12:30:05", 12, 30, 5)]
    [InlineData("", 0, 0, 0)]
    public void Times_with_or_without_leading_zeros(string text, int h, int m, int s) =>
        Assert.Equal(new TimeOnly(h, m, s), UpsTimestamps.ParseTime(text));

    [Theory]
    [InlineData("246000")]
    [InlineData("1234567")]
    [InlineData("12a000")]
    public void Impossible_times_are_rejected(string text) => Assert.Null(UpsTimestamps.ParseTime(text));

    [Theory]
    [InlineData("-05:00", -300)]
    [InlineData("+01:00", 60)]
    [InlineData("+0530", 330)]
    [InlineData("-3", -180)]
    public void Offsets(string text, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), UpsTimestamps.ParseOffset(text));

    [Theory]
    [InlineData("")]
    [InlineData("05:00")]
    [InlineData("+15:00")]
    [InlineData("Z")]
    public void Not_offsets(string text) => Assert.Null(UpsTimestamps.ParseOffset(text));

    [Fact]
    public void Gmt_parts_beat_local_parts_and_local_parts_need_a_valid_date()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero), UpsTimestamps.Resolve("20260310", "093000", "20260310", "143000", "-05:00"));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero), UpsTimestamps.Resolve("20260310", "093000", "", "", "-05:00"));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero), UpsTimestamps.Resolve("20260310", "093000", "", "", ""));
        Assert.Null(UpsTimestamps.Resolve("2026031", "093000", "", "", ""));
    }

    [Fact]
    public void A_gmt_date_without_a_gmt_time_does_not_beat_the_local_time()
    {
        // Read as midnight UTC, the date alone would put an evening scan on the previous local day.
        var est = TimeSpan.FromHours(-5);
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 18, 15, 53, est), UpsTimestamps.Resolve("20251118", "181553", "20251118", "", "-05:00"));
        Assert.Equal(est, UpsTimestamps.Resolve("20251118", "181553", "20251118", "", "-05:00")!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 18, 15, 53, TimeSpan.Zero), UpsTimestamps.Resolve("20251118", "181553", "20251118", " ", ""));
    }

    [Fact]
    public void A_gmt_date_alone_still_dates_an_activity_that_has_nothing_else()
    {
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 0, 0, 0, TimeSpan.Zero), UpsTimestamps.Resolve("", "", "20251118", "", ""));
    }
}
