using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Evidence;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// Valid tracking is asked of the parcels a seller ships: a parcel Amazon ships (FBA, MCF) has no carrier scans to show,
/// and the evidence must say the check does not apply to it rather than that its tracking is not valid.
/// </summary>
public sealed class ShippedByAmazonEvidenceTests
{
    private static readonly DateTimeOffset Scanned = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly EvidenceShipment ByAmazon = new(InquiryDecisionTests.Shipment(TrackingStatus.InTransit) with
    {
        Id = "shp_fba", Carrier = "amazon", TrackingNumber = "TBA123456789000", ShippedByAmazon = true,
    }, []);

    private static readonly EvidenceShipment BySellerScanned = new(InquiryDecisionTests.Shipment(TrackingStatus.InTransit) with
    {
        Id = "shp_fbm", CreatedAt = Scanned.AddHours(-1),
    }, [new EvidenceEvent(new TrackingEvent(Scanned, TrackingStatus.InTransit, "in_transit", "Picked up", "P", TrackingLocation.Unknown, "poll", Scanned),
        new string('a', 64))]);

    private static EvidenceSources Sources(params EvidenceShipment[] parcels) =>
        new("t", InquiryDecisionTests.Order(FulfillmentChannel.Amazon), parcels, [], []);

    [Fact]
    public void A_parcel_Amazon_ships_is_not_said_to_lack_valid_tracking_in_the_claim_evidence()
    {
        var item = Assert.Single(ClaimEvidence.From(Sources(ByAmazon)), i => i.Item == "valid_tracking");

        // As for an order without a parcel: not available, and the detail says why.
        Assert.False(item.Available);
        Assert.Equal("does not apply: Amazon ships TBA123456789000 (valid tracking is asked of seller-fulfilled shipments)", item.Detail);
    }

    [Fact]
    public void A_parcel_Amazon_ships_makes_the_valid_tracking_check_not_applicable_in_the_pack()
    {
        var check = Assert.Single(EvidenceEntries.Build(Sources(ByAmazon)), e => e.Kind == EvidenceKinds.Check && e.Key == "valid_tracking");

        Assert.Equal("not_applicable", check.Fields["result"]);
        Assert.Equal("TBA123456789000", check.Fields["shipped_by_amazon"]);
    }

    [Fact]
    public void The_claim_summary_does_not_say_no_valid_tracking_for_a_parcel_Amazon_ships()
    {
        var summary = ClaimSummary.Write(Sources(ByAmazon), new string('f', 64));

        Assert.DoesNotContain("Valid tracking: no", summary, StringComparison.Ordinal);
        Assert.Contains("Valid tracking: does not apply (Amazon ships the parcel)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Beside_a_parcel_the_seller_ships_only_that_parcel_is_judged()
    {
        var sources = Sources(BySellerScanned, ByAmazon);

        var item = Assert.Single(ClaimEvidence.From(sources), i => i.Item == "valid_tracking");
        var check = Assert.Single(EvidenceEntries.Build(sources), e => e.Kind == EvidenceKinds.Check && e.Key == "valid_tracking");

        Assert.True(item.Available);
        Assert.Equal("at least one carrier scan per parcel the seller ships; Amazon ships TBA123456789000", item.Detail);
        Assert.Equal("true", check.Fields["result"]);
        Assert.Equal("TBA123456789000", check.Fields["shipped_by_amazon"]);
        Assert.Contains("Valid tracking: yes", ClaimSummary.Write(sources, new string('f', 64)), StringComparison.Ordinal);
    }

    // A pack without a parcel Amazon ships keeps the check's old shape: the same sources give the same hashes as before.
    [Fact]
    public void A_seller_shipped_order_keeps_the_checks_shape()
    {
        var check = Assert.Single(EvidenceEntries.Build(Sources(BySellerScanned)), e => e.Kind == EvidenceKinds.Check && e.Key == "valid_tracking");

        Assert.Equal(new Dictionary<string, string> { ["result"] = "true" }, check.Fields);
        Assert.Equal("at least one carrier scan per parcel",
            Assert.Single(ClaimEvidence.From(Sources(BySellerScanned)), i => i.Item == "valid_tracking").Detail);
    }
}
