using LogisticsLink.Carriers.FedEx;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.Tests.FedEx;

public sealed class FedExTimestampsTests
{
    [Fact]
    public void A_date_with_offset_is_that_instant()
    {
        var parsed = FedExTimestamps.Parse("2026-04-26T09:26:00-07:00")!.Value;

        Assert.Equal(TimeSpan.FromHours(-7), parsed.Offset);
        Assert.Equal(new DateTimeOffset(2026, 4, 26, 16, 26, 0, TimeSpan.Zero), parsed.With(TimeSpan.Zero));
    }

    [Fact]
    public void A_Z_date_is_UTC()
    {
        Assert.Equal(TimeSpan.Zero, FedExTimestamps.Parse("2026-04-26T09:26:00Z")!.Value.Offset);
    }

    [Fact]
    public void A_date_without_offset_takes_the_offset_of_the_scan_before_it()
    {
        var dates = new[] { "2026-08-16T10:00:00-05:00", "2026-08-15T00:00:00", "2026-08-14T09:00:00+02:00" }
            .Select(FedExTimestamps.Parse).ToList();

        var resolved = CarrierTimes.Resolve(dates);

        // Newest first: the scan before it in time is listed after it, and is where the parcel just was.
        Assert.Equal(new DateTimeOffset(2026, 8, 15, 0, 0, 0, TimeSpan.FromHours(2)), resolved[1]);
        Assert.Equal(TimeSpan.FromHours(2), resolved[2]!.Value.Offset);
    }

    [Fact]
    public void Without_any_offset_in_the_shipment_UTC_is_assumed()
    {
        var resolved = CarrierTimes.Resolve([FedExTimestamps.Parse("2026-08-15T00:00:00"), FedExTimestamps.Parse("2026-08-15")]);

        Assert.Equal(new DateTimeOffset(2026, 8, 15, 0, 0, 0, TimeSpan.Zero), resolved[0]);
        Assert.Equal(new DateTimeOffset(2026, 8, 15, 0, 0, 0, TimeSpan.Zero), resolved[1]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-45T00:00:00")]
    public void Unreadable_dates_are_null(string? text) => Assert.Null(FedExTimestamps.Parse(text));
}
