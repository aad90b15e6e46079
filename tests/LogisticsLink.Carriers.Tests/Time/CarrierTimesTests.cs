using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.Tests.Time;

public sealed class CarrierTimesTests
{
    private static readonly TimeSpan Central = TimeSpan.FromHours(-6), Eastern = TimeSpan.FromHours(-5);

    private static CarrierTime Zoned(int hour, TimeSpan offset) => new(new DateTime(2026, 8, 15, hour, 0, 0), offset);

    private static CarrierTime Local(int hour) => new(new DateTime(2026, 8, 15, hour, 0, 0), null);

    [Fact]
    public void A_scan_without_an_offset_keeps_its_instant_when_a_newer_scan_from_another_zone_arrives()
    {
        // Newest first, as carriers list them: the offset-less scan is the newest one at the first poll...
        var first = CarrierTimes.Resolve([Local(10), Zoned(8, Central)]);
        // ...and sits between a Central and an Eastern scan at the next.
        var second = CarrierTimes.Resolve([Zoned(14, Eastern), Local(10), Zoned(8, Central)]);

        Assert.Equal(new DateTimeOffset(2026, 8, 15, 10, 0, 0, Central), first[0]);
        Assert.Equal(first[0], second[1]);
        Assert.Equal(first[0]!.Value.UtcTicks, second[1]!.Value.UtcTicks);
    }

    [Fact]
    public void The_offset_comes_from_the_latest_earlier_scan_whatever_the_list_order_else_from_the_earliest_later_one()
    {
        var oldestFirst = CarrierTimes.Resolve([Zoned(8, Central), Zoned(9, Eastern), Local(10), Zoned(14, Central)]);
        var onlyLater = CarrierTimes.Resolve([Local(7), Zoned(14, Central), Zoned(9, Eastern)]);

        Assert.Equal(Eastern, oldestFirst[2]!.Value.Offset);
        Assert.Equal(Eastern, onlyLater[0]!.Value.Offset);
    }

    [Fact]
    public void Without_any_offset_the_fallback_is_used_then_UTC_and_null_entries_stay_null()
    {
        Assert.Equal(TimeSpan.FromHours(1), CarrierTimes.Resolve([Local(10)], TimeSpan.FromHours(1))[0]!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, CarrierTimes.Resolve([Local(10), null])[0]!.Value.Offset);
        Assert.Null(CarrierTimes.Resolve([Local(10), null])[1]);
    }
}
