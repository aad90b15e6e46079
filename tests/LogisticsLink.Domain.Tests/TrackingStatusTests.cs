using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Tests;

/// <summary>The status taxonomy of DESIGN.md §5, one row per value.</summary>
public sealed class TrackingStatusTests
{
    /// <summary>status, terminal (§5 table), unknown (carrier told us nothing), progress rank.</summary>
    public static readonly TheoryData<TrackingStatus, bool, bool, int> Taxonomy = new()
    {
        { TrackingStatus.Unspecified, false, true, 0 },
        { TrackingStatus.Pending, false, true, 0 },
        { TrackingStatus.NotFound, false, true, 0 },
        { TrackingStatus.InfoReceived, false, false, 1 },
        { TrackingStatus.InTransit, false, false, 2 },
        { TrackingStatus.OutForDelivery, false, false, 3 },
        { TrackingStatus.AttemptFailed, false, false, 3 },
        { TrackingStatus.AvailableForPickup, false, false, 4 },
        { TrackingStatus.Delivered, true, false, 6 },
        { TrackingStatus.Exception, false, false, 2 },
        { TrackingStatus.Returning, false, false, 5 },
        { TrackingStatus.Returned, true, false, 6 },
        { TrackingStatus.Lost, true, false, 6 },
        { TrackingStatus.Cancelled, true, false, 6 },
        { TrackingStatus.Expired, true, false, 6 },
    };

    [Theory]
    [MemberData(nameof(Taxonomy))]
    public void Is_terminal_matches_the_design_table(TrackingStatus status, bool terminal, bool unknown, int progress)
    {
        _ = (unknown, progress);
        Assert.Equal(terminal, status.IsTerminal());
    }

    [Theory]
    [MemberData(nameof(Taxonomy))]
    public void Is_unknown_only_while_the_carrier_has_told_us_nothing(TrackingStatus status, bool terminal, bool unknown, int progress)
    {
        _ = (terminal, progress);
        Assert.Equal(unknown, status.IsUnknown());
    }

    [Theory]
    [MemberData(nameof(Taxonomy))]
    public void Progress_ranks_each_status_along_the_parcels_life(TrackingStatus status, bool terminal, bool unknown, int progress)
    {
        _ = (terminal, unknown);
        Assert.Equal(progress, status.Progress());
    }

    [Theory]
    [MemberData(nameof(Taxonomy))]
    public void Every_value_but_unspecified_is_defined(TrackingStatus status, bool terminal, bool unknown, int progress)
    {
        _ = (terminal, unknown, progress);
        Assert.Equal(status != TrackingStatus.Unspecified, status.IsDefined());
    }

    [Fact]
    public void Values_outside_the_enum_are_not_defined()
    {
        Assert.False(((TrackingStatus)(-1)).IsDefined());
        Assert.False(((TrackingStatus)15).IsDefined());
    }

    [Fact]
    public void The_table_covers_every_status()
    {
        var covered = Taxonomy.Select(row => (TrackingStatus)row[0]).ToHashSet();

        Assert.Equal(Enum.GetValues<TrackingStatus>().ToHashSet(), covered);
    }

    [Fact]
    public void Terminal_statuses_rank_at_or_above_every_active_status()
    {
        var active = Enum.GetValues<TrackingStatus>().Where(s => !s.IsTerminal()).Max(s => s.Progress());

        Assert.All(Enum.GetValues<TrackingStatus>().Where(s => s.IsTerminal()), s => Assert.True(s.Progress() > active, $"{s}"));
    }

    [Theory]
    [InlineData(TrackingStatus.Pending, TrackingStatus.InfoReceived)]
    [InlineData(TrackingStatus.InfoReceived, TrackingStatus.InTransit)]
    [InlineData(TrackingStatus.InTransit, TrackingStatus.OutForDelivery)]
    [InlineData(TrackingStatus.OutForDelivery, TrackingStatus.AvailableForPickup)]
    [InlineData(TrackingStatus.OutForDelivery, TrackingStatus.Delivered)]
    [InlineData(TrackingStatus.Returning, TrackingStatus.Returned)]
    public void The_usual_journey_moves_forward(TrackingStatus earlier, TrackingStatus later)
    {
        Assert.True(earlier.Progress() < later.Progress());
    }

    /// <summary>ShipmentStatus in protos/logisticslink/v1/shipment.proto uses the same numbers, so mapping is a cast.</summary>
    [Theory]
    [InlineData(TrackingStatus.Unspecified, 0)]
    [InlineData(TrackingStatus.Pending, 1)]
    [InlineData(TrackingStatus.NotFound, 2)]
    [InlineData(TrackingStatus.InfoReceived, 3)]
    [InlineData(TrackingStatus.InTransit, 4)]
    [InlineData(TrackingStatus.OutForDelivery, 5)]
    [InlineData(TrackingStatus.AttemptFailed, 6)]
    [InlineData(TrackingStatus.AvailableForPickup, 7)]
    [InlineData(TrackingStatus.Delivered, 8)]
    [InlineData(TrackingStatus.Exception, 9)]
    [InlineData(TrackingStatus.Returning, 10)]
    [InlineData(TrackingStatus.Returned, 11)]
    [InlineData(TrackingStatus.Lost, 12)]
    [InlineData(TrackingStatus.Cancelled, 13)]
    [InlineData(TrackingStatus.Expired, 14)]
    public void Numeric_values_match_the_contract(TrackingStatus status, int shipmentStatus)
    {
        Assert.Equal(shipmentStatus, (int)status);
    }
}
