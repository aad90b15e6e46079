using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

public sealed class EtaTests
{
    private static CarrierSnapshot WithEta(DateTimeOffset? eta) => new(null, [Scan.InTransit(Hours(1))], EstimatedDelivery: eta);

    [Fact]
    public void A_first_eta_is_an_eta_change()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));

        var result = history.Apply(WithEta(Hours(30)));

        Assert.Equal(Hours(30), result.State.EstimatedDelivery);
        Assert.True(result.Kinds.HasFlag(ChangeKinds.EtaChanged));
    }

    [Fact]
    public void A_new_eta_is_an_eta_change_on_its_own()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(WithEta(Hours(30)));
        var before = history.State;
        history.At(Hours(4));

        var result = history.Apply(WithEta(Hours(54)));

        Assert.Equal(ChangeKinds.EtaChanged, result.Kinds);
        Assert.Equal(Hours(54), result.State.EstimatedDelivery);
        Assert.Equal(before.Version + 1, result.State.Version);
        Assert.Equal(Hours(4), result.State.UpdatedAt);
    }

    [Fact]
    public void The_same_eta_again_is_no_change()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(WithEta(Hours(30)));
        var before = history.State;
        history.At(Hours(4));

        var result = history.Apply(WithEta(Hours(30)));

        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.Equal(before.Version, result.State.Version);
    }

    [Fact]
    public void A_snapshot_without_an_eta_keeps_the_previous_one()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(WithEta(Hours(30)));
        history.At(Hours(4));

        var result = history.Apply(WithEta(null));

        Assert.Equal(Hours(30), result.State.EstimatedDelivery);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.EtaChanged));
    }

    [Fact]
    public void An_eta_change_and_a_new_scan_are_reported_together_in_one_version()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(WithEta(Hours(30)));
        history.At(Hours(6));

        var result = history.Apply(new CarrierSnapshot(null, [Scan.Exception(Hours(5))], EstimatedDelivery: Hours(54)));

        // The exception also raises its risk flag, in the same version.
        Assert.Equal(ChangeKinds.StatusChanged | ChangeKinds.EventsAdded | ChangeKinds.EtaChanged | ChangeKinds.RisksChanged, result.Kinds);
        Assert.Equal(3, result.State.Version);
    }
}
