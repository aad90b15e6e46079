using LogisticsLink.Carriers.Dpd;

namespace LogisticsLink.Carriers.Tests.Dpd;

public sealed class DpdTimestampsTests
{
    private static readonly TimeZoneInfo Zone = DpdTimestamps.Zone;

    [Theory]
    [InlineData("8/17/2021 7:11:26 PM", "2021-08-17T19:11:26+02:00")]   // summer time
    [InlineData("1/5/2022 7:11:26 AM", "2022-01-05T07:11:26+01:00")]    // winter time
    [InlineData("12/31/2021 12:00:00 AM", "2021-12-31T00:00:00+01:00")]
    [InlineData("12/31/2021 12:00:00 PM", "2021-12-31T12:00:00+01:00")]
    [InlineData("2026-03-11T08:00:00.000", "2026-03-11T08:00:00+01:00")] // authTokenExpires
    [InlineData("2026-03-11T08:00:00Z", "2026-03-11T08:00:00+00:00")]    // an offset is kept
    public void Wall_times_are_Brussels_time(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DpdTimestamps.Parse(text, Zone));
    }

    [Fact]
    public void The_repeated_autumn_hour_is_read_as_its_first_occurrence()
    {
        // 2021-10-31 02:30 happened twice in Brussels: first at +02:00.
        Assert.Equal(TimeSpan.FromHours(2), DpdTimestamps.Parse("10/31/2021 2:30:00 AM", Zone)!.Value.Offset);
    }

    [Fact]
    public void The_skipped_spring_hour_is_read_after_the_gap()
    {
        // 2021-03-28 02:30 never happened in Brussels; a clock not yet moved meant 01:30 UTC = 03:30 +02:00.
        Assert.Equal(new DateTimeOffset(2021, 3, 28, 1, 30, 0, TimeSpan.Zero), DpdTimestamps.Parse("3/28/2021 2:30:00 AM", Zone));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("13/45/2021 7:11:26 PM")]
    public void Unreadable_dates_are_null(string text) => Assert.Null(DpdTimestamps.Parse(text, Zone));
}
