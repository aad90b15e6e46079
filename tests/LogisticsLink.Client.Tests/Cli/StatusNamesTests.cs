using LogisticsLink.Cli;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Cli;

public sealed class StatusNamesTests
{
    [Theory]
    [InlineData("delivered", ShipmentStatus.Delivered)]
    [InlineData("DELIVERED", ShipmentStatus.Delivered)]
    [InlineData("in_transit", ShipmentStatus.InTransit)]
    [InlineData("In-Transit", ShipmentStatus.InTransit)]
    [InlineData("SHIPMENT_STATUS_OUT_FOR_DELIVERY", ShipmentStatus.OutForDelivery)]
    [InlineData("shipment_status_not_found", ShipmentStatus.NotFound)]
    [InlineData(" expired ", ShipmentStatus.Expired)]
    public void Accepts_names_in_any_case_with_or_without_prefix(string text, ShipmentStatus expected)
    {
        Assert.True(StatusNames.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("unspecified")]
    [InlineData("SHIPMENT_STATUS_UNSPECIFIED")]
    [InlineData("deliverd")]
    [InlineData("8")]
    public void Rejects_unknown_names_and_unspecified(string text)
    {
        Assert.False(StatusNames.TryParse(text, out _));
    }

    [Fact]
    public void Every_status_round_trips_through_its_display_name()
    {
        foreach (var status in Enum.GetValues<ShipmentStatus>().Where(s => s != ShipmentStatus.Unspecified))
        {
            Assert.True(StatusNames.TryParse(StatusNames.Display(status), out var parsed));
            Assert.Equal(status, parsed);
        }

        Assert.Equal("IN_TRANSIT", StatusNames.Display(ShipmentStatus.InTransit));
        Assert.Equal(14, StatusNames.All.Count);
    }

    [Fact]
    public void Option_values_may_repeat_and_hold_comma_lists_without_duplicates()
    {
        var statuses = StatusNames.ParseOption("status", ["delivered,in_transit", "Delivered", " lost "]);

        Assert.Equal([ShipmentStatus.Delivered, ShipmentStatus.InTransit, ShipmentStatus.Lost], statuses);
    }

    [Fact]
    public void An_unknown_option_value_names_the_flag_and_the_valid_names()
    {
        var error = Assert.Throws<UsageException>(() => StatusNames.ParseOption("status", ["deliverd"]));

        Assert.StartsWith("--status: unknown status 'deliverd'", error.Message);
        Assert.Contains("in_transit", error.Message);
    }

    [Fact]
    public void Terminal_statuses_are_the_five_final_ones()
    {
        var terminal = Enum.GetValues<ShipmentStatus>().Where(StatusNames.IsTerminal);

        Assert.Equal(
            [ShipmentStatus.Delivered, ShipmentStatus.Returned, ShipmentStatus.Lost, ShipmentStatus.Cancelled, ShipmentStatus.Expired],
            terminal);
    }
}
