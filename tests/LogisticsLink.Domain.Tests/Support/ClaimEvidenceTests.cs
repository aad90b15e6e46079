using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Evidence;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>A claim is answered for the whole order: one parcel's evidence never stands for another's.</summary>
public sealed class ClaimEvidenceTests
{
    private static readonly EvidenceShipment Delivered = Parcel(InquiryDecisionTests.Shipment(TrackingStatus.Delivered) with
    {
        Id = "shp_a", ProofOfDelivery = new ProofOfDelivery("SMITH", "Front door", true, false),
    });

    private static readonly EvidenceShipment Lost = Parcel(InquiryDecisionTests.Shipment(TrackingStatus.Lost) with
    {
        Id = "shp_b", Carrier = "dhl", TrackingNumber = "JD014600003828364021", CreatedAt = Delivered.State.CreatedAt.AddHours(1),
    });

    [Fact]
    public void A_claims_proof_of_delivery_and_tracking_cover_every_parcel()
    {
        var items = ClaimEvidence.From(Sources(Delivered, Lost));

        var pod = Item(items, "proof_of_delivery");
        Assert.False(pod.Available);
        Assert.Contains("JD014600003828364021", pod.Detail, StringComparison.Ordinal);
        Assert.All(new[] { "1Z999AA10123456784", "JD014600003828364021" }, number => Assert.Contains(number, Item(items, "tracking_number").Detail, StringComparison.Ordinal));
        Assert.All(new[] { "ups", "dhl" }, carrier => Assert.Contains(carrier, Item(items, "carrier").Detail, StringComparison.Ordinal));
        Assert.Contains("DHL", Item(items, "dispatch_method").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Proof_of_delivery_is_available_when_every_parcel_that_went_out_has_one()
    {
        var voided = Parcel(InquiryDecisionTests.Shipment(TrackingStatus.Cancelled) with { Id = "shp_v", TrackingNumber = "1ZVOIDED0000000000" });

        var items = ClaimEvidence.From(Sources(Delivered, voided));

        Assert.True(Item(items, "proof_of_delivery").Available);
        Assert.Equal("signed by 'SMITH', left at 'Front door'", Item(items, "proof_of_delivery").Detail);
        Assert.Equal("1Z999AA10123456784", Item(items, "tracking_number").Detail);
        Assert.Equal("ups", Item(items, "carrier").Detail);
    }

    [Fact]
    public void Without_a_parcel_nothing_is_available()
    {
        var items = ClaimEvidence.From(Sources());

        Assert.All(new[] { "dispatch_method", "tracking_number", "carrier", "proof_of_delivery" }, item => Assert.False(Item(items, item).Available));
    }

    // An A-to-z claim on an order that never shipped: every item says so, none speaks of a parcel or leaves a time blank.
    [Fact]
    public void Without_a_parcel_each_item_says_nothing_shipped()
    {
        var shipBy = new DateTimeOffset(2025, 3, 3, 23, 59, 59, TimeSpan.Zero);
        var order = InquiryDecisionTests.Order() with { LatestShipDate = shipBy };

        var items = ClaimEvidence.From(new EvidenceSources("t", order, [], [], []));

        Assert.Equal("no parcel is linked to the order", Item(items, "valid_tracking").Detail);
        Assert.Equal("nothing shipped, latest ship date 2025-03-03T23:59:59Z", Item(items, "shipped_on_time").Detail);
        Assert.Equal("no parcel is linked to the order", Item(items, "proof_of_delivery").Detail);
        Assert.Equal("nothing shipped, the order has no latest ship date",
            Item(ClaimEvidence.From(Sources()), "shipped_on_time").Detail);
    }

    [Fact]
    public void A_parcel_without_a_carrier_scan_is_named()
    {
        var scanAt = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var scanned = new EvidenceShipment(Delivered.State, [new EvidenceEvent(
            new TrackingEvent(scanAt, TrackingStatus.InTransit, "in_transit", "Picked up", "P", TrackingLocation.Unknown, "poll", scanAt), new string('a', 64))]);
        var order = InquiryDecisionTests.Order() with { LatestShipDate = scanAt.AddDays(1) };

        var items = ClaimEvidence.From(new EvidenceSources("t", order, [scanned, Lost], [], []));

        Assert.Equal("no carrier scan for JD014600003828364021", Item(items, "valid_tracking").Detail);
        Assert.Equal("first carrier scan of the last scanned parcel 2025-03-03T09:00:00Z, no carrier scan yet for JD014600003828364021, " +
            "latest ship date 2025-03-04T09:00:00Z", Item(items, "shipped_on_time").Detail);
        Assert.Equal("first carrier scan of the last parcel shipped 2025-03-03T09:00:00Z, latest ship date 2025-03-04T09:00:00Z",
            Item(ClaimEvidence.From(new EvidenceSources("t", order, [scanned], [], [])), "shipped_on_time").Detail);
    }

    private static EvidenceShipment Parcel(ShipmentState state) => new(state, []);

    private static EvidenceSources Sources(params EvidenceShipment[] parcels) => new("t", InquiryDecisionTests.Order(), parcels, [], []);

    private static ClaimEvidenceItem Item(IReadOnlyList<ClaimEvidenceItem> items, string item) => Assert.Single(items, i => i.Item == item);
}
