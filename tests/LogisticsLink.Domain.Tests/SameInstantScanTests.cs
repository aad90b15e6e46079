using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>
/// Scans that share one instant (carriers that date events by the day, or to the minute) say nothing by their time
/// about which came last, and carriers list events newest-first or oldest-first: the further step of the parcel's life
/// is the newer, whatever the list order.
/// </summary>
public sealed class SameInstantScanTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Out_for_delivery_and_delivered_at_one_instant_mean_delivered_in_either_list_order(bool oldestFirst)
    {
        var onTheVan = Scan.OutForDelivery(Hours(5));
        var delivered = Scan.Delivered(Hours(5));
        var history = ShipmentHistory.Registered().At(Hours(10));

        var result = history.Apply(oldestFirst ? [onTheVan, delivered] : [delivered, onTheVan]);

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(Hours(5), result.State.DeliveredAt);
        Assert.Equal("delivered.front_door", result.State.StatusDetail);
        Assert.Equal(TrackingStatus.Delivered, result.AddedEvents[0].Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_whole_history_names_as_newest_the_scan_a_store_lists_first_in_either_order(bool oldestFirst)
    {
        var onTheVan = Scan.OutForDelivery(Hours(5));
        var delivered = Scan.Delivered(Hours(5));

        var known = KnownEvents.Of(oldestFirst ? [onTheVan, delivered] : [delivered, onTheVan]);

        Assert.Same(delivered, known.Newest);
        Assert.Same(delivered, new[] { onTheVan, delivered }.Order(NewestFirst.Order).First());
    }

    [Fact]
    public void A_delivery_scan_published_later_with_the_instant_of_the_stored_newest_scan_is_taken()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(5)));
        history.At(Hours(12));

        var result = history.Apply(Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(5)), Scan.Delivered(Hours(5)));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(Hours(5), result.State.DeliveredAt);
    }
}
