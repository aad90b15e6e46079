using System.Text.Json;
using LogisticsLink.Carriers.RoyalMail;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.RoyalMail;

/// <summary>The events mapper and error reader on Royal Mail's published examples and on the quirks of its format.</summary>
public sealed class RoyalMailEventsMapperTests
{
    private static RoyalMailEventsMapper.Mapped Map(string body, string number = "FQ087430672GB")
    {
        using var document = JsonDocument.Parse(body);
        return RoyalMailEventsMapper.Map(document.RootElement, number);
    }

    [Fact]
    public void The_documented_example_is_in_transit_with_its_window_and_location()
    {
        var snapshot = Map(RoyalMailFixtures.InTransit, "090367574000000FE1E1B").Result.Snapshot!;

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal("in_transit.mis_sort_rerouted", snapshot.StatusDetail);
        Assert.Equal("Forwarded - Mis-sort", snapshot.StatusDescription);
        var scan = Assert.Single(snapshot.Events);
        Assert.Equal("EVNMI", scan.RawCode);
        Assert.Equal(new DateTimeOffset(2016, 10, 20, 10, 4, 0, TimeSpan.FromHours(1)), scan.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), scan.OccurredAt.Offset);
        Assert.Equal("Stafford DO", scan.Location.City);
        Assert.Equal("royalmail", scan.Source);
        var window = new DeliveryWindow(new DateTimeOffset(2017, 2, 20, 8, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2017, 2, 20, 11, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal(window, snapshot.DeliveryWindow);
        Assert.Equal(window.End, snapshot.EstimatedDelivery);
        Assert.Null(snapshot.ProofOfDelivery); // not delivered: the signature block is not a proof yet
        Assert.Equal("https://www.royalmail.com/track-your-item#/tracking-results/FQ087430672GB", snapshot.TrackingUrl);
        Assert.Equal(64, snapshot.PayloadSha256.Length);
    }

    [Fact]
    public void A_delivered_item_carries_who_signed_and_that_a_signature_image_exists()
    {
        var snapshot = Map(RoyalMailFixtures.Events(
            """[{ "eventCode": "EVKSP", "eventName": "Delivered", "eventDateTime": "2016-10-21T10:04:00+01:00", "locationName": "Stafford DO" }]""",
            """, "signature": { "recipientName": "Simon", "signatureDateTime": "2016-10-21T10:04:00+01:00", "imageId": "001234" } """)).Result.Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(new ProofOfDelivery("Simon", "", true, false), snapshot.ProofOfDelivery);
    }

    [Theory]
    [InlineData("EVKSF", "Safeplace")]
    [InlineData("EVKDN", "Neighbour")]
    [InlineData("EVPLC", "Post Office")]
    [InlineData("EVNOC", "Delivery office")]
    public void Where_an_unsigned_item_was_left_is_its_proof(string code, string location)
    {
        var snapshot = Map(RoyalMailFixtures.Events(
            $$"""[{ "eventCode": "{{code}}", "eventName": "Delivered", "eventDateTime": "2026-03-10T10:00:00+00:00" }]""")).Result.Snapshot!;

        Assert.Equal(new ProofOfDelivery("", location, false, false), snapshot.ProofOfDelivery);
    }

    [Fact]
    public void Events_listed_oldest_first_with_a_duplicate_come_out_newest_first_once_each()
    {
        var snapshot = Map(RoyalMailFixtures.Events("""
            [{ "eventCode": "EVAIP", "eventName": "Sender despatching item", "eventDateTime": "2026-03-10T08:00:00+00:00" },
             { "eventCode": "EVIMC", "eventName": "Item received", "eventDateTime": "2026-03-10T12:00:00+00:00" },
             { "eventCode": "EVGPD", "eventName": "Out for delivery", "eventDateTime": "2026-03-11T07:00:00+00:00" },
             { "eventCode": "EVGPD", "eventName": "Out for delivery", "eventDateTime": "2026-03-11T07:00:00+00:00" }]
            """)).Result.Snapshot!;

        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
        Assert.Equal(new[] { "EVGPD", "EVIMC", "EVAIP" }, snapshot.Events.Select(e => e.RawCode));
    }

    [Fact]
    public void A_date_without_offset_takes_its_neighbours_offset()
    {
        var snapshot = Map(RoyalMailFixtures.Events("""
            [{ "eventCode": "EVGPD", "eventName": "Out for delivery", "eventDateTime": "2026-06-11T07:00:00" },
             { "eventCode": "EVIMC", "eventName": "Item received", "eventDateTime": "2026-06-10T12:00:00+01:00" }]
            """)).Result.Snapshot!;

        Assert.Equal(new DateTimeOffset(2026, 6, 11, 7, 0, 0, TimeSpan.FromHours(1)), snapshot.Events[0].OccurredAt);
    }

    [Fact]
    public void Without_events_the_summarys_last_event_is_the_history()
    {
        var snapshot = Map("""
            { "mailPieces": { "mailPieceId": "090367574000000FE1E1B",
              "summary": { "oneDBarcode": "FQ087430672GB", "lastEventCode": "EVKDN", "lastEventName": "Delivered to neighbour",
                           "lastEventDateTime": "2026-03-10T10:00:00+00:00", "lastEventLocationName": "Leeds DO" } } }
            """).Result.Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal("delivered.neighbour", snapshot.StatusDetail);
        Assert.Equal("Leeds DO", Assert.Single(snapshot.Events).Location.City);
    }

    [Fact]
    public void A_redelivery_request_keeps_the_status_and_an_unknown_code_is_reported()
    {
        var mapped = Map(RoyalMailFixtures.Events("""
            [{ "eventCode": "EVZZZ", "eventName": "?", "eventDateTime": "2026-03-11T09:00:00+00:00" },
             { "eventCode": "RSRXS", "eventName": "Redelivery requested", "eventDateTime": "2026-03-11T08:00:00+00:00" },
             { "eventCode": "EVKNA", "eventName": "No answer, card left", "eventDateTime": "2026-03-10T12:00:00+00:00" }]
            """));

        var snapshot = mapped.Result.Snapshot!;
        Assert.Equal(TrackingStatus.AttemptFailed, snapshot.Status);
        Assert.Equal(TrackingStatus.AttemptFailed, snapshot.Events[1].Status);
        Assert.Equal("info.redelivery_requested", snapshot.Events[1].StatusDetail);
        Assert.Equal(new[] { "EVZZZ" }, mapped.UnknownCodes);
    }

    [Theory]
    [InlineData("2024-06-18T10:00:00+01:00")] // summer: the scan's +01:00 used to move the promise to 2024-06-20 23:00 UTC
    [InlineData("2024-06-18T10:00:00+00:00")]
    public void A_bare_estimated_date_is_that_date_with_no_time_whatever_the_scans_offset(string scannedAt)
    {
        var mapped = Map($$$$"""
            {"mailPieces":{"events":[{"eventCode":"EVDAC","eventDateTime":"{{{{scannedAt}}}}"}],"estimatedDelivery":{"date":"2024-06-21"}}}
            """);

        var snapshot = mapped.Result.Snapshot!;
        Assert.Equal(DateOnlyPromise.Of(new DateOnly(2024, 6, 21)), snapshot.EstimatedDelivery);
        Assert.Equal(TimeSpan.Zero, snapshot.EstimatedDelivery!.Value.Offset);
        Assert.Null(snapshot.DeliveryWindow);
    }

    [Fact]
    public void A_window_keeps_its_own_instants_and_offset()
    {
        var snapshot = Map(RoyalMailFixtures.Events(
            """[{ "eventCode": "EVIMC", "eventName": "Item received", "eventDateTime": "2026-06-10T12:00:00+01:00" }]""",
            """, "estimatedDelivery": { "date": "2026-06-12", "startOfEstimatedWindow": "08:00:00+01:00", "endOfEstimatedWindow": "11:00:00+01:00" } """)).Result.Snapshot!;

        Assert.Equal(new DateTimeOffset(2026, 6, 12, 11, 0, 0, TimeSpan.FromHours(1)), snapshot.EstimatedDelivery);
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 8, 0, 0, TimeSpan.FromHours(1)), snapshot.DeliveryWindow!.Start);
    }

    [Theory]
    [InlineData("""[{ "eventCode": "EVIMC", "eventName": "x", "eventDateTime": "yesterday" }]""")]
    [InlineData("""[{ "eventName": "x", "eventDateTime": "2026-03-10T12:00:00+00:00" }]""")]
    [InlineData("42")]
    public void An_event_that_cannot_be_read_fails_the_item_rather_than_guess(string events)
    {
        var result = Map(RoyalMailFixtures.Events(events)).Result;

        Assert.False(result.IsSuccess);
        Assert.Contains("unexpected", result.FailureReason);
    }

    [Fact]
    public void An_answer_without_mailPieces_is_a_failure()
    {
        var result = Map("""{ "something": "unexpected" }""").Result;

        Assert.False(result.IsSuccess);
        Assert.Contains("no mailPieces", result.FailureReason);
    }

    [Fact]
    public void The_documented_E1142_body_is_not_found()
    {
        var error = RoyalMailErrors.First(RoyalMailFixtures.NotRecognised)!;
        var result = RoyalMailErrors.ForCode(error, "FQ087430672GB")!;

        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        Assert.Equal("Barcode reference FQ087430672GB isn't recognised", result.Snapshot.StatusDescription);
    }

    [Fact]
    public void The_documented_E0004_body_is_a_permanent_failure()
    {
        var error = RoyalMailErrors.First(RoyalMailFixtures.HeaderValidationError)!;
        var result = RoyalMailErrors.ForCode(error, "FQ087430672GB")!;

        Assert.Equal("E0004", error.Code);
        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
    }

    [Theory]
    [InlineData("""{ "httpCode": "401", "httpMessage": "Unauthorized", "moreInformation": "Client id not registered." }""", "", "Client id not registered.")]
    [InlineData("""{ "httpCode": "503", "httpMessage": "Service Unavailable" }""", "", "Service Unavailable")]
    [InlineData("<html>bad gateway</html>", null, null)]
    public void An_error_without_a_code_keeps_Royal_Mails_words(string body, string? code, string? description)
    {
        var error = RoyalMailErrors.First(body);

        Assert.Equal(code, error?.Code);
        Assert.Equal(description, error?.Description);
    }
}
