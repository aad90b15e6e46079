using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>Failed refreshes (DESIGN.md §4 invariant 5) and re-registration details.</summary>
public sealed class StaleAndDetailsTests
{
    [Fact]
    public void A_failed_refresh_keeps_the_last_known_state_and_flags_it_stale_once()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        var before = history.State;
        history.At(Hours(3));

        var result = history.FailRefresh();

        Assert.Equal(ChangeKinds.StaleChanged, result.Kinds);
        Assert.Empty(result.AddedEvents);
        Assert.True(result.State.Stale);
        Assert.Equal(1, result.State.ConsecutiveFailures);
        Assert.Equal(before.Version + 1, result.State.Version);
        Assert.Equal(Hours(3), result.State.UpdatedAt);
        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.Equal(before.StatusDescription, result.State.StatusDescription);
        Assert.Equal(before.LastEventAt, result.State.LastEventAt);
    }

    [Fact]
    public void A_second_failure_counts_but_is_no_new_change()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(Hours(3)).FailRefresh();
        var stale = history.State;
        history.At(Hours(4));

        var result = history.FailRefresh();

        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.True(result.State.Stale);
        Assert.Equal(2, result.State.ConsecutiveFailures);
        Assert.Equal(stale.Version, result.State.Version);
        Assert.Equal(stale.UpdatedAt, result.State.UpdatedAt);
    }

    [Fact]
    public void A_successful_refresh_after_failures_clears_stale_and_resets_the_failure_count()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(Hours(3)).FailRefresh();
        history.At(Hours(4)).FailRefresh();
        var stale = history.State;
        history.At(Hours(5));

        var result = history.Apply(Scan.InTransit(Hours(1)));

        Assert.Equal(ChangeKinds.StaleChanged, result.Kinds);
        Assert.False(result.State.Stale);
        Assert.Equal(0, result.State.ConsecutiveFailures);
        Assert.Equal(stale.Version + 1, result.State.Version);
        Assert.Equal(Hours(5), result.State.LastCheckedAt);
    }

    [Fact]
    public void Recovery_with_news_reports_stale_cleared_together_with_the_news()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(Hours(3)).FailRefresh();
        history.At(Hours(6));

        var result = history.Apply(Scan.OutForDelivery(Hours(5)));

        Assert.Equal(ChangeKinds.StaleChanged | ChangeKinds.StatusChanged | ChangeKinds.EventsAdded, result.Kinds);
        Assert.False(result.State.Stale);
    }

    [Fact]
    public void A_successful_refresh_of_a_fresh_shipment_reports_no_stale_change()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(Hours(3));

        var result = history.Apply(Scan.OutForDelivery(Hours(2)));

        Assert.False(result.Kinds.HasFlag(ChangeKinds.StaleChanged));
    }

    [Fact]
    public void A_new_order_reference_is_a_details_change()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));
        var newOrder = new OrderLink("shopify", "#1042");

        var result = history.UpdateDetails(newOrder, null);

        Assert.Equal(ChangeKinds.DetailsChanged, result.Kinds);
        Assert.Equal(newOrder, result.State.Order);
        Assert.Equal(2, result.State.Version);
        Assert.Equal(Hours(1), result.State.UpdatedAt);
        Assert.Equal("lyon", result.State.Labels["warehouse"]);
    }

    [Fact]
    public void New_labels_are_a_details_change()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));
        var labels = new Dictionary<string, string> { ["warehouse"] = "paris" };

        var result = history.UpdateDetails(null, labels);

        Assert.Equal(ChangeKinds.DetailsChanged, result.Kinds);
        Assert.Equal("paris", result.State.Labels["warehouse"]);
        Assert.Equal(Shipment.AmazonOrder, result.State.Order);
    }

    [Fact]
    public void An_added_label_is_a_details_change()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));

        var result = history.UpdateDetails(null, new Dictionary<string, string> { ["warehouse"] = "lyon", ["priority"] = "high" });

        Assert.Equal(ChangeKinds.DetailsChanged, result.Kinds);
        Assert.Equal(2, result.State.Labels.Count);
    }

    [Fact]
    public void A_removed_label_is_a_details_change()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));
        history.UpdateDetails(null, new Dictionary<string, string> { ["warehouse"] = "lyon", ["priority"] = "high" });
        history.At(Hours(2));

        var result = history.UpdateDetails(null, new Dictionary<string, string> { ["warehouse"] = "lyon" });

        Assert.Equal(ChangeKinds.DetailsChanged, result.Kinds);
        Assert.Equal("lyon", Assert.Single(result.State.Labels).Value);
    }

    [Fact]
    public void The_same_order_and_labels_again_are_no_change()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));

        // Equal values in new instances, as a second TrackShipment call would send them.
        var result = history.UpdateDetails(
            new OrderLink("amazon", "113-1234567-1234567"), new Dictionary<string, string> { ["warehouse"] = "lyon" });

        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.Equal(1, result.State.Version);
        Assert.Equal(T0, result.State.UpdatedAt);
    }

    [Fact]
    public void Empty_details_keep_the_existing_order_and_labels()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));

        var withNulls = history.UpdateDetails(null, null);
        var withEmpties = history.UpdateDetails(OrderLink.None, new Dictionary<string, string>());

        foreach (var result in new[] { withNulls, withEmpties })
        {
            Assert.Equal(ChangeKinds.None, result.Kinds);
            Assert.Equal(Shipment.AmazonOrder, result.State.Order);
            Assert.Equal("lyon", Assert.Single(result.State.Labels).Value);
            Assert.Equal(1, result.State.Version);
        }
    }

    [Fact]
    public void Update_details_leaves_the_tracking_state_alone()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        var before = history.State;
        history.At(Hours(4));

        var result = history.UpdateDetails(new OrderLink("ebay", "12-34567-89012"), null);

        Assert.Equal(before with { Order = result.State.Order, Version = before.Version + 1, UpdatedAt = Hours(4) }, result.State);
        Assert.Equal(TrackingStatus.InTransit, result.PreviousStatus);
    }
}
