using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.Tests.Dhl;

public sealed class DhlTimestampsTests
{
    [Fact]
    public void Z_offset_none_and_date_only()
    {
        Assert.Equal(new CarrierTime(new DateTime(2018, 3, 2, 7, 53, 47), TimeSpan.Zero), DhlTimestamps.Parse("2018-03-02T07:53:47Z"));
        Assert.Equal(new CarrierTime(new DateTime(2018, 3, 2, 7, 53, 47), TimeSpan.FromHours(2)), DhlTimestamps.Parse("2018-03-02T07:53:47+02:00"));
        Assert.Equal(new CarrierTime(new DateTime(2018, 3, 2, 7, 53, 47), null), DhlTimestamps.Parse("2018-03-02T07:53:47"));
        Assert.Equal(new CarrierTime(new DateTime(2018, 3, 2), null), DhlTimestamps.Parse("2018-03-02"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("02.03.2018 07:53")]
    [InlineData("2018-13-02T07:53:47")]
    public void Not_timestamps(string text) => Assert.Null(DhlTimestamps.Parse(text));

    [Fact]
    public void A_time_without_a_zone_borrows_its_neighbours_offset_then_the_fallback()
    {
        var resolved = CarrierTimes.Resolve([DhlTimestamps.Parse("2026-08-20T10:00:00"), DhlTimestamps.Parse("2026-08-20T09:00:00+02:00")], null);
        Assert.Equal(new DateTimeOffset(2026, 8, 20, 10, 0, 0, TimeSpan.FromHours(2)), resolved[0]);

        var alone = CarrierTimes.Resolve([DhlTimestamps.Parse("2026-08-20T10:00:00")], TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2026, 8, 20, 10, 0, 0, TimeSpan.FromHours(1)), alone[0]);

        var utc = CarrierTimes.Resolve([DhlTimestamps.Parse("2026-08-20T10:00:00")], null);
        Assert.Equal(new DateTimeOffset(2026, 8, 20, 10, 0, 0, TimeSpan.Zero), utc[0]);
    }
}
