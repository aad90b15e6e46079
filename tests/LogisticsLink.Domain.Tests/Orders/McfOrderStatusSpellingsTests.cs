using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Domain.Tests.Orders;

/// <summary>
/// Fulfillment Outbound 2026-07-04 spells an MCF order's <c>OrderStatus</c> <c>PROCESSING</c>, <c>COMPLETE</c>,
/// <c>COMPLETE_PARTIAL</c>, <c>CANCELLED</c>, <c>UNFULFILLABLE</c>, <c>INVALID</c> (reference: marketplaces.md §1.7 (c)).
/// Each is the 2020-07-01 status beside it, and every check reads it so: an order the 2026 model calls completed in
/// part was flagged late to ship, counted as awaiting shipment, and its replies promised nothing about the part that
/// will never ship.
/// </summary>
public sealed class McfOrderStatusSpellingsTests
{
    [Theory]
    [InlineData("PROCESSING", "Processing")]
    [InlineData("COMPLETE", "Complete")]
    [InlineData("COMPLETE_PARTIAL", "CompletePartialled")]
    [InlineData("complete_partial", "COMPLETE_PARTIALLED")]
    [InlineData("CANCELLED", "Cancelled")]
    [InlineData("UNFULFILLABLE", "Unfulfillable")]
    [InlineData("INVALID", "Invalid")]
    public void A_2026_status_reads_as_its_2020_spelling(string spelled2026, string spelled2020)
    {
        Assert.Equal(Readings(spelled2020), Readings(spelled2026));
    }

    [Fact]
    public void COMPLETE_PARTIAL_is_completed_in_part_and_not_awaiting_shipment()
    {
        Assert.True(MarketplaceOrderStatus.IsCompletedInPart("COMPLETE_PARTIAL"));
        Assert.False(MarketplaceOrderStatus.IsAwaitingShipment("COMPLETE_PARTIAL"));
        Assert.False(MarketplaceOrderStatus.IsPartiallyShipped("COMPLETE_PARTIAL"));
        Assert.Contains(MarketplaceOrderStatus.Normalized("COMPLETE_PARTIAL"), MarketplaceOrderStatus.NotAwaitingShipment);
    }

    [Fact]
    public void A_status_filter_for_a_status_completed_in_part_matches_both_spellings_and_any_other_only_itself()
    {
        Assert.Equal(["COMPLETEPARTIALLED", "COMPLETEPARTIAL"], MarketplaceOrderStatus.SpellingsOf("CompletePartialled"));
        Assert.Equal(["COMPLETEPARTIALLED", "COMPLETEPARTIAL"], MarketplaceOrderStatus.SpellingsOf("COMPLETE_PARTIAL"));
        Assert.Equal(["COMPLETE"], MarketplaceOrderStatus.SpellingsOf("Complete"));
        Assert.Equal(["PARTIALLYSHIPPED"], MarketplaceOrderStatus.SpellingsOf("PARTIALLY_SHIPPED"));
    }

    private static (bool Awaiting, bool PartlyShipped, bool NoShipment, bool InPart, bool Cancelled, bool Unfulfillable, bool WillNotShip) Readings(string status) =>
        (MarketplaceOrderStatus.IsAwaitingShipment(status), MarketplaceOrderStatus.IsPartiallyShipped(status), MarketplaceOrderStatus.NeedsNoShipment(status),
            MarketplaceOrderStatus.IsCompletedInPart(status), MarketplaceOrderStatus.IsCancelled(status), MarketplaceOrderStatus.IsUnfulfillable(status),
            MarketplaceOrderStatus.WillNotShip(status));
}
