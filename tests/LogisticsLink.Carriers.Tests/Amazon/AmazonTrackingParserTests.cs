using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Tests.Amazon;

public sealed class AmazonTrackingParserTests
{
    private static readonly AmazonTrackingId Id = new("AMZN_UK", "23AA47DE2B3B6");

    /// <summary>
    /// The fields of the 200 example of <c>getTracking</c> in Amazon's shippingV2.json (forward Undeliverable, then a
    /// delivered return), bare; Amazon sends them inside <c>payload</c> (<see cref="Documented"/>, carriers.md l.313-317).
    /// </summary>
    private const string SpecExample = """
        {
          "trackingId": "23AA47DE2B3B6",
          "alternateLegTrackingId": "null",
          "eventHistory": [
            { "eventCode": "Undeliverable", "location": { "postalCode": "EX33 2JL", "countryCode": "GB" }, "eventTime": "2024-02-11T07:09:05.513Z", "shipmentType": "FORWARD" },
            { "eventCode": "ReturnInitiated", "location": { "postalCode": "EX33 2JL", "countryCode": "GB" }, "eventTime": "2024-02-12T09:09:05.513Z", "shipmentType": "RETURNS" },
            { "eventCode": "Delivered", "location": { "postalCode": "EX33 2JL", "countryCode": "GB" }, "eventTime": "2024-02-13T04:09:05.513Z", "shipmentType": "RETURNS" }
          ],
          "promisedDeliveryDate": "2024-02-12T13:09:05.513Z",
          "summary": { "status": "Delivered", "trackingDetailCodes": { "forward": ["Rejected", "Damaged"], "returns": ["Signed"] } }
        }
        """;

    /// <summary>The answer as Amazon documents it: the fields inside <c>payload</c>.</summary>
    private static string Documented(string fields) => $$"""{ "payload": {{fields}} }""";

    private static CarrierSnapshot Snapshot(string body)
    {
        var result = AmazonTrackingParser.Parse(Id, body);
        Assert.True(result.IsSuccess, result.FailureReason);
        return result.Snapshot!;
    }

    [Fact]
    public void The_spec_example_is_a_parcel_returned_to_its_sender_not_a_delivery()
    {
        var snapshot = Snapshot(Documented(SpecExample));

        Assert.Equal(TrackingStatus.Returned, snapshot.Status);
        Assert.Equal("returned.to_sender", snapshot.StatusDetail);
        Assert.Equal("Delivered (return to sender)", snapshot.StatusDescription);
        Assert.Equal(["Delivered", "ReturnInitiated", "Undeliverable"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal([TrackingStatus.Returned, TrackingStatus.Returning, TrackingStatus.Exception], snapshot.Events.Select(e => e.Status));
        // The forward leg's first cause: the recipient refused it.
        Assert.Equal("exception.refused", snapshot.Events[2].StatusDetail);
        Assert.Equal(new TrackingLocation(PostalCode: "EX33 2JL", CountryCode: "GB"), snapshot.Events[0].Location);
        Assert.Equal(new DateTimeOffset(2024, 2, 13, 4, 9, 5, 513, TimeSpan.Zero), snapshot.Events[0].OccurredAt);
        Assert.Null(snapshot.EstimatedDelivery);   // a promise means nothing once the parcel is back
        Assert.Null(snapshot.ProofOfDelivery);     // the signature is the sender's, for the return
        Assert.Equal("https://track.amazon.com/tracking/23AA47DE2B3B6", snapshot.TrackingUrl);
        Assert.Equal(64, snapshot.PayloadSha256.Length);
    }

    [Fact]
    public void The_fields_without_the_payload_wrapper_are_read_the_same()
    {
        var documented = Snapshot(Documented(SpecExample));
        var bare = Snapshot(SpecExample);

        Assert.Equal(documented.Status, bare.Status);
        Assert.Equal(documented.StatusDetail, bare.StatusDetail);
        Assert.Equal(documented.Events, bare.Events);
        Assert.Equal(documented.EstimatedDelivery, bare.EstimatedDelivery);
        Assert.Equal(documented.TrackingUrl, bare.TrackingUrl);
    }

    [Fact]
    public void A_forward_delivery_carries_its_estimate_free_proof()
    {
        var snapshot = Snapshot(Documented("""
            {
              "trackingId": 1578648261977,
              "alternateLegTrackingId": "RTN-1578648261977",
              "eventHistory": [
                { "eventCode": "OutForDelivery", "eventTime": "2024-02-12T08:00:00Z", "shipmentType": "FORWARD" },
                { "eventCode": "Delivered", "eventTime": "2024-02-12T11:30:00", "shipmentType": "FORWARD",
                  "location": { "city": "Leeds", "stateOrRegion": "West Yorkshire", "postalCode": "LS1 4AP", "countryCode": "gb" } }
              ],
              "promisedDeliveryDate": "2024-02-12T20:00:00Z",
              "summary": { "status": "Delivered", "trackingDetailCodes": { "forward": ["DeliveredToNeighbor"], "returns": [] } }
            }
            """));

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal("delivered.neighbour", snapshot.StatusDetail);
        Assert.Equal(new ProofOfDelivery("", "Neighbour", false, false), snapshot.ProofOfDelivery);
        Assert.Null(snapshot.EstimatedDelivery);
        // An eventTime without an offset is UTC, as the API documents its date-times.
        Assert.Equal(new DateTimeOffset(2024, 2, 12, 11, 30, 0, TimeSpan.Zero), snapshot.Events[0].OccurredAt);
        Assert.Equal(new TrackingLocation("Leeds", "West Yorkshire", "LS1 4AP", "GB"), snapshot.Events[0].Location);
        Assert.Equal("https://track.amazon.com/tracking/1578648261977", snapshot.TrackingUrl);
        Assert.Contains("RTN-1578648261977", snapshot.StatusDescription);
    }

    [Fact]
    public void An_open_parcel_has_the_promised_date_as_its_estimate()
    {
        var snapshot = Snapshot(Documented("""
            { "trackingId": "T1", "eventHistory": [ { "eventCode": "PickupDone", "eventTime": "2024-02-10T08:00:00.000Z", "shipmentType": "FORWARD" } ],
              "promisedDeliveryDate": "2024-02-12T13:09:05.513Z", "summary": { "status": "InTransit" } }
            """));

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal(new DateTimeOffset(2024, 2, 12, 13, 9, 5, 513, TimeSpan.Zero), snapshot.EstimatedDelivery);
    }

    [Fact]
    public void Without_events_the_summary_gives_the_status()
    {
        var snapshot = Snapshot(Documented("""{ "trackingId": "T1", "eventHistory": [], "summary": { "status": "PreTransit" } }"""));

        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Empty(snapshot.Events);
    }

    [Fact]
    public void An_unknown_event_code_keeps_the_previous_status()
    {
        var parsed = AmazonTrackingParser.Read(Id, """
            { "eventHistory": [
                { "eventCode": "PickupDone", "eventTime": "2024-02-10T08:00:00Z", "shipmentType": "FORWARD" },
                { "eventCode": "Teleported", "eventTime": "2024-02-10T09:00:00Z", "shipmentType": "FORWARD" } ],
              "summary": { "status": "InTransit" } }
            """);

        Assert.Equal(TrackingStatus.InTransit, parsed.Result.Snapshot!.Status);
        Assert.Equal("Teleported", parsed.Result.Snapshot.Events[0].RawCode);
        Assert.Equal(["Teleported"], parsed.UnknownCodes);
    }

    [Theory]
    [InlineData("""{ "trackingId": "T1", "eventHistory": [] }""", "no events")]
    [InlineData("""{ "eventHistory": [ { "eventCode": "Teleported", "eventTime": "2024-02-10T08:00:00Z" } ], "summary": { "status": "Beamed" } }""", "Teleported")]
    [InlineData("""{ "eventHistory": [ { "eventCode": "Delivered", "eventTime": "soon" } ] }""", "eventTime")]
    [InlineData("""{ "eventHistory": { "eventCode": "Delivered" } }""", "not an array")]
    [InlineData("""[1, 2]""", "Array")]
    public void A_body_of_another_shape_is_a_failure_not_a_guess(string body, string reason)
    {
        var result = AmazonTrackingParser.Parse(Id, body);

        Assert.False(result.IsSuccess);
        Assert.Contains(reason, result.FailureReason);
    }

    [Theory]
    [InlineData("""{"trackingId":"sim","eventHistory":[{"eventCode":""")]
    [InlineData("<html>Bad gateway</html>")]
    public void A_body_that_is_not_JSON_is_a_malformed_failure(string body)
    {
        var result = AmazonTrackingParser.Parse(Id, body);

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
    }

    [Fact]
    public void The_documented_404_body_is_not_found()
    {
        const string body = """{ "errors": [ { "code": "NotFound", "message": "The requested resource is invalid or doesn't exist" } ] }""";

        Assert.Equal(TrackingStatus.NotFound, AmazonTrackingParser.Parse(Id, body).Snapshot!.Status);
        Assert.Equal(TrackingStatus.NotFound, AmazonTrackingParser.NotFound(Id, body).Status);
    }

    [Fact]
    public void The_documented_400_body_is_a_permanent_failure()
    {
        var result = AmazonTrackingParser.Parse(Id,
            """{ "errors": [ { "code": "InvalidRequest", "message": "Request is missing or has invalid parameters", "details": "CarrierId is missing in the request" } ] }""");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("CarrierId is missing", result.FailureReason);
    }

    [Theory]
    [InlineData("TBA502887274000", "AMZN_UK", "TBA502887274000", "AmazonShipping_UK")]
    [InlineData("AMZN_US:TBA502887274000", "AMZN_US", "TBA502887274000", "AmazonShipping_US")]
    [InlineData("amzn_jp: 23AA 47DE2B3B6", "amzn_jp", "23AA47DE2B3B6", "AmazonShipping_JP")]
    [InlineData("FOOSHIPGRD:1578648261977", "FOOSHIPGRD", "1578648261977", null)]
    [InlineData("AMZN_XX:1", "AMZN_XX", "1", null)]
    public void Tracking_numbers_name_the_carrier_when_it_is_not_Amazons_default(string number, string carrier, string id, string? business)
    {
        var parsed = AmazonTrackingId.Parse(number)!;

        Assert.Equal((carrier, id, business), (parsed.CarrierId, parsed.TrackingId, parsed.BusinessId));
    }

    [Theory]
    [InlineData("ArrivedAtCarrierFacility", "Arrived at carrier facility")]
    [InlineData("RecipientRequestedAlternateDeliveryTiming", "Recipient requested alternate delivery timing")]
    [InlineData("Lost", "Lost")]
    public void Event_codes_read_as_words(string code, string words) => Assert.Equal(words, AmazonTrackingParser.Words(code));
}
