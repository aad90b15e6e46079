using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

public sealed class TrackerRegisterTests
{
    [Fact]
    public void Register_creates_a_pending_shipment_at_version_1_that_is_due_for_a_check_now()
    {
        var labels = new Dictionary<string, string> { ["warehouse"] = "lyon" };

        var result = Tracker.Register("shp_1", "tenant_a", "ups", "1Z999AA10123456784", Shipment.AmazonOrder, labels, T0);

        Assert.Equal(ChangeKinds.Created, result.Kinds);
        Assert.True(result.HasChanges);
        Assert.Empty(result.AddedEvents);
        Assert.Equal(TrackingStatus.Unspecified, result.PreviousStatus);

        var state = result.State;
        Assert.Equal(1, state.Version);
        Assert.Equal(TrackingStatus.Pending, state.Status);
        Assert.Equal(T0, state.NextCheckAt);
        Assert.Equal(T0, state.CreatedAt);
        Assert.Equal(T0, state.UpdatedAt);
        Assert.Equal("shp_1", state.Id);
        Assert.Equal("tenant_a", state.TenantId);
        Assert.Equal("ups", state.Carrier);
        Assert.Equal("1Z999AA10123456784", state.TrackingNumber);
        Assert.Equal(Shipment.AmazonOrder, state.Order);
        Assert.Equal("lyon", state.Labels["warehouse"]);
    }

    [Fact]
    public void Register_knows_nothing_from_the_carrier_yet()
    {
        var state = Shipment.Register(T0).State;

        Assert.Null(state.LastCheckedAt);
        Assert.Null(state.LastEventAt);
        Assert.Null(state.EstimatedDelivery);
        Assert.Null(state.DeliveredAt);
        Assert.False(state.Stale);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal("", state.StatusDetail);
        Assert.Equal("", state.StatusDescription);
    }
}
