using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Tests.Dhl;

/// <summary>The parser on DHL's published example and on every quirk, with no HTTP.</summary>
public sealed class DhlShipmentParserTests
{
    private static CarrierSnapshot Snapshot(string body, string number = "340434161090")
    {
        var parsed = DhlShipmentParser.Parse(number, body);
        Assert.True(parsed.Result.IsSuccess, parsed.Result.FailureReason);
        return parsed.Result.Snapshot!;
    }

    private static CarrierResult Failure(string body)
    {
        var result = DhlShipmentParser.Parse("340434161090", body).Result;
        Assert.False(result.IsSuccess);
        return result;
    }

    [Fact]
    public void The_spec_example_trusts_the_status_code_not_the_free_text()
    {
        var parsed = DhlShipmentParser.Parse("7777777770", DhlSamples.SpecExample);
        var snapshot = parsed.Result.Snapshot!;

        Assert.Equal(1, parsed.Candidates);
        Assert.Equal("express", parsed.Service);
        // statusCode pre-transit beside status "DELIVERED": the structured code decides, so no false delivery.
        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Equal("info_received.pre_transit", snapshot.StatusDetail);
        Assert.Equal("JESSICA", snapshot.StatusDescription);
        Assert.Null(snapshot.ProofOfDelivery);
        var e = Assert.Single(snapshot.Events);
        Assert.Equal("pre-transit", e.RawCode);
        // No zone on the event: the status's Z is borrowed.
        Assert.Equal(new DateTimeOffset(2018, 3, 2, 7, 53, 47, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(new TrackingLocation("Oderweg 2, AMSTERDAM", "", "1043 AG", "NL"), e.Location);
        Assert.Equal(new DeliveryWindow(new DateTimeOffset(2018, 8, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2018, 8, 3, 22, 0, 0, TimeSpan.Zero)),
            snapshot.DeliveryWindow);
        Assert.Equal(new DateTimeOffset(2018, 8, 3, 22, 0, 0, TimeSpan.Zero), snapshot.EstimatedDelivery);
    }

    [Fact]
    public void The_spec_example_once_delivered_carries_its_proof_of_delivery()
    {
        var body = DhlSamples.SpecExample.Replace("\"statusCode\": \"pre-transit\"", "\"statusCode\": \"delivered\"", StringComparison.Ordinal);

        var snapshot = Snapshot(body, "7777777770");

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(new ProofOfDelivery("John Doe", "", true, false), snapshot.ProofOfDelivery);
        Assert.Equal("JESSICA — received by John Doe, signature on file", snapshot.StatusDescription);
        Assert.Null(snapshot.EstimatedDelivery);
    }

    [Fact]
    public void The_404_problem_document()
    {
        Assert.Equal(("No result found", "No shipment with given tracking number found."), DhlShipmentParser.Problem(DhlSamples.NotFound));
        Assert.Equal(TrackingStatus.NotFound, Snapshot(DhlSamples.NotFound).Status);
    }

    [Fact]
    public void No_shipments_is_not_found() => Assert.Equal(TrackingStatus.NotFound, Snapshot("""{"shipments":[]}""").Status);

    [Fact]
    public void A_string_return_flag_turns_a_delivery_into_a_return_to_the_sender()
    {
        var body = Shipment("""
            "returnFlag": "true",
            "status": {"timestamp": "2026-03-12T10:00:00Z", "statusCode": "delivered", "status": "ZU", "description": "Delivered"},
            "events": [
              {"timestamp": "2026-03-12T10:00:00Z", "statusCode": "delivered", "status": "ZU", "description": "Delivered"},
              {"timestamp": "2026-03-10T10:00:00Z", "statusCode": "transit", "status": "AE", "description": "Picked up"}
            ]
            """);

        var snapshot = Snapshot(body);

        Assert.Equal(TrackingStatus.Returned, snapshot.Status);
        Assert.Equal("returned.to_sender", snapshot.StatusDetail);
        Assert.Equal(TrackingStatus.Returned, snapshot.Events[0].Status);
        Assert.Equal(TrackingStatus.InTransit, snapshot.Events[1].Status);
    }

    [Fact]
    public void A_return_flag_on_the_way_back_leaves_the_scans_as_they_are_so_each_keeps_its_identity_across_polls()
    {
        const string picked = """{"timestamp": "2026-03-10T10:00:00Z", "statusCode": "transit", "status": "AE", "description": "Picked up"}""";
        var first = Snapshot(Shipment($$"""
            "returnFlag": true,
            "status": {"timestamp": "2026-03-10T10:00:00Z", "statusCode": "transit", "status": "AE"},
            "events": [{{picked}}]
            """));
        var second = Snapshot(Shipment($$"""
            "returnFlag": true,
            "status": {"timestamp": "2026-03-11T10:00:00Z", "statusCode": "transit", "status": "ES"},
            "events": [{"timestamp": "2026-03-11T10:00:00Z", "statusCode": "transit", "status": "ES", "description": "Arrived"}, {{picked}}]
            """));

        Assert.Equal(TrackingStatus.Returning, first.Status);
        Assert.Equal(TrackingStatus.Returning, second.Status);
        Assert.Equal(first.Events[0].DedupKey, second.Events[1].DedupKey);
    }

    [Fact]
    public void Events_are_sorted_and_identical_ones_kept_once()
    {
        var body = Shipment("""
            "status": {"timestamp": "2026-03-12T10:00:00+01:00", "statusCode": "transit", "status": "PO"},
            "events": [
              {"timestamp": "2026-03-10T10:00:00+01:00", "statusCode": "pre-transit", "status": "VA"},
              {"timestamp": "2026-03-12T10:00:00+01:00", "statusCode": "transit", "status": "PO"},
              {"timestamp": "2026-03-11T10:00:00+01:00", "statusCode": "transit", "status": "ES"},
              {"timestamp": "2026-03-12T10:00:00+01:00", "statusCode": "transit", "status": "PO"}
            ]
            """);

        var snapshot = Snapshot(body);

        Assert.Equal(["transit/PO", "transit/ES", "pre-transit/VA"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
    }

    [Fact]
    public void Without_a_shipment_status_the_newest_event_decides_and_unknown_keeps_the_status_before()
    {
        var body = Shipment("""
            "events": [
              {"timestamp": "2026-03-12", "statusCode": "unknown", "description": "Data received"},
              {"timestamp": "2026-03-11T10:00:00Z", "statusCode": "transit", "status": "ES"}
            ]
            """);

        var snapshot = Snapshot(body);

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal(2, snapshot.Events.Count);
        Assert.Equal("unknown", snapshot.Events[0].RawCode);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero), snapshot.Events[0].OccurredAt);
    }

    [Fact]
    public void Only_unknown_is_no_status_yet_not_a_number_dhl_does_not_know()
    {
        // carriers.md §4.2-4.3: DHL's `unknown` is UNKNOWN ("no data"), not NOT_FOUND (DHL's 404): DHL lists the shipment.
        var body = Shipment("""
            "status": {"timestamp": "2026-03-12T10:00:00Z", "statusCode": "unknown"},
            "events": [{"timestamp": "2026-03-12T10:00:00Z", "statusCode": "unknown"}]
            """);

        var snapshot = Snapshot(body);

        Assert.Equal(TrackingStatus.Pending, snapshot.Status);
        Assert.Empty(snapshot.Events);
        Assert.Equal("DHL has no status for this shipment yet.", snapshot.StatusDescription);
        Assert.Equal(DhlDefaults.TrackingUrl("340434161090"), snapshot.TrackingUrl);
        Assert.Matches("^[0-9a-f]{64}$", snapshot.PayloadSha256);
    }

    [Fact]
    public void Several_shipments_under_one_number_the_newest_activity_wins()
    {
        var body = """
            {"shipments": [
              {"id": "340434161090", "service": "parcel-de", "status": {"timestamp": "2026-03-12T10:00:00Z", "statusCode": "transit", "status": "PO"}},
              {"id": 340434161090, "service": "express", "status": {"timestamp": "2025-11-12T10:00:00Z", "statusCode": "delivered"}}
            ]}
            """;

        var parsed = DhlShipmentParser.Parse("340434161090", body);

        Assert.Equal(2, parsed.Candidates);
        Assert.Equal("parcel-de", parsed.Service);
        Assert.Equal(TrackingStatus.OutForDelivery, parsed.Result.Snapshot!.Status);
    }

    [Fact]
    public void Several_shipments_none_of_them_ours_is_a_failure_not_a_guess() =>
        Assert.Contains("none numbered", Failure("""{"shipments":[{"id":"1","status":{"statusCode":"transit"}},{"id":"2","status":{"statusCode":"transit"}}]}""").FailureReason);

    [Fact]
    public void A_lone_shipment_under_another_id_is_ours() =>
        Assert.Equal(TrackingStatus.InTransit, Snapshot("""{"shipments":[{"id":"JJD000390007","status":{"timestamp":"2026-03-12T10:00:00Z","statusCode":"transit"}}]}""").Status);

    [Theory]
    [InlineData("not json", "malformed")]
    [InlineData("\"text\"", "unexpected")]
    [InlineData("""{"shipments":"none"}""", "unexpected")]
    [InlineData("""{"shipments":[{"id":"340434161090","events":[{"timestamp":"soon","statusCode":"transit"}]}]}""", "no readable timestamp")]
    [InlineData("""{"shipments":[{"id":"340434161090","status":{"timestamp":"2026-03-12T10:00:00Z","statusCode":"teleported"}}]}""", "no status this adapter knows")]
    [InlineData("""{"shipments":[{"id":"340434161090","status":{"statusCode":["transit"]}}]}""", "unexpected")]
    public void A_body_that_cannot_be_read_safely_is_a_failure(string body, string reason) =>
        Assert.Contains(reason, Failure(body).FailureReason);

    private static string Shipment(string members) => $$"""{"shipments":[{"id":"340434161090","service":"parcel-de",{{members}}}]}""";
}
