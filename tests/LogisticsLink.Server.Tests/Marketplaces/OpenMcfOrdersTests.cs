using LogisticsLink.Domain.Shipments;
using LogisticsLink.Server.Marketplaces;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>MCF orders read again for their parcels only Amazon tracks: which, and for how long.</summary>
public sealed class OpenMcfOrdersTests
{
    private const string Connection = "config:0|0";
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> NoneRead = new(StringComparer.Ordinal);

    [Fact]
    public void Only_an_order_with_a_parcel_only_amazon_tracks_still_on_its_way_is_read_again()
    {
        var open = new OpenMcfOrders(Window);
        open.Update(Connection, "S01-1", Start, [Parcel(TrackingStatus.InTransit, notPolled: true)], Start);
        open.Update(Connection, "S01-2", Start, [Parcel(TrackingStatus.InTransit, notPolled: false)], Start);
        open.Update(Connection, "S01-3", Start, [Parcel(TrackingStatus.Delivered, notPolled: true)], Start);

        Assert.Equal(["S01-1"], open.Due(Connection, NoneRead, Start).Select(o => o.OrderId));
        // Read in this round's listing already: not read twice.
        Assert.Empty(open.Due(Connection, new HashSet<string>(["S01-1"], StringComparer.Ordinal), Start));

        open.Update(Connection, "S01-1", Start, [Parcel(TrackingStatus.Delivered, notPolled: true)], Start.AddHours(1));
        Assert.Empty(open.Due(Connection, NoneRead, Start.AddHours(1)));
    }

    [Fact]
    public void An_order_is_let_go_once_older_than_the_initial_sync_window_counted_from_when_it_was_first_kept()
    {
        var open = new OpenMcfOrders(Window);
        var placed = Start.AddDays(-2);
        open.Update(Connection, "S01-1", placed, [Parcel(TrackingStatus.InTransit, notPolled: true)], Start);
        // Read again later, with another time: its age still counts from the first.
        open.Update(Connection, "S01-1", Start.AddDays(5), [Parcel(TrackingStatus.InTransit, notPolled: true)], Start.AddDays(5));

        Assert.Single(open.Due(Connection, NoneRead, placed + Window - TimeSpan.FromMinutes(1)));
        Assert.Empty(open.Due(Connection, NoneRead, placed + Window));
        Assert.Empty(open.Due("config:0|1", NoneRead, Start));
    }

    private static ShipmentState Parcel(TrackingStatus status, bool notPolled) => new()
    {
        Id = "shp_" + Guid.NewGuid().ToString("N"), TenantId = "tenant-a", Carrier = "amazon", TrackingNumber = "TBA304555004304",
        Status = status, NotPolled = notPolled, CreatedAt = Start, UpdatedAt = Start,
    };
}
