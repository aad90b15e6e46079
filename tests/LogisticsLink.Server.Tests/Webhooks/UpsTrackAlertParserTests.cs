using LogisticsLink.Carriers.Ups;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Server.Tests.Webhooks;

/// <summary>The Track Alert event format, read without a server.</summary>
public sealed class UpsTrackAlertParserTests
{
    [Fact]
    public void A_delivery_event_becomes_one_delivered_scan_at_the_gmt_instant_shown_at_the_local_offset()
    {
        var result = UpsTrackAlertParser.Parse(UpsTrackAlertWebhookTests.Delivered());

        var alert = Assert.IsType<UpsTrackAlert>(result.Alert);
        Assert.Equal("1ZCIETST0111111114", alert.TrackingNumber);
        var scan = Assert.Single(alert.Snapshot.Events);
        Assert.Equal(TrackingStatus.Delivered, scan.Status);
        Assert.Equal("D/FS/011", scan.RawCode);
        Assert.Equal("Delivered", scan.Description);
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 18, 15, 53, TimeSpan.FromHours(-5)), scan.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(-5), scan.OccurredAt.Offset);
        Assert.Equal(new TrackingLocation("Nottingham", "MD", "21236", "US"), scan.Location);
        Assert.Equal("webhook", scan.Source);
        Assert.Null(alert.Snapshot.EstimatedDelivery);
        Assert.Equal("https://www.ups.com/track?tracknum=1ZCIETST0111111114", alert.Snapshot.TrackingUrl);
        Assert.Equal(64, alert.Snapshot.PayloadSha256.Length);
        Assert.Equal("", alert.UnmappedRawCode);
    }

    [Fact]
    public void The_tracking_number_is_trimmed_and_the_window_read_at_the_scan_offset()
    {
        const string body = """
            {"trackingNumber":" 1zabcxyz0112346789","localActivityDate":"20240423","localActivityTime":"091519",
             "activityLocation":{"city":"Charlotte","stateProvince":"NC","postalCode":"","country":"US"},
             "activityStatus":{"type":"I","code":"OT","description":"Out for Delivery","descriptionCode":"021"},
             "scheduledDeliveryDate":"20240423","gmtActivityDate":"20240423","gmtActivityTime":"131519",
             "deliveryStartTime":"150000","deliveryEndTime":"170000","deliveryTimeDescription":"estimated delivery window"}
            """;

        var alert = UpsTrackAlertParser.Parse(body).Alert!;

        Assert.Equal("1ZABCXYZ0112346789", alert.TrackingNumber);
        Assert.Equal(TrackingStatus.OutForDelivery, Assert.Single(alert.Snapshot.Events).Status);
        var edt = TimeSpan.FromHours(-4);
        Assert.Equal(new DateTimeOffset(2024, 4, 23, 17, 0, 0, edt), alert.Snapshot.EstimatedDelivery);
        Assert.Equal(new DeliveryWindow(new DateTimeOffset(2024, 4, 23, 15, 0, 0, edt), new DateTimeOffset(2024, 4, 23, 17, 0, 0, edt)),
            alert.Snapshot.DeliveryWindow);
    }

    [Theory]
    [InlineData("\"gmtActivityDate\":\"20251117\",\"gmtActivityTime\":\"150000\"", "2025-11-17T15:00:00Z")]
    [InlineData("\"gmtActivityDate\":\"20251117\"", null)] // a date alone would be read as midnight
    [InlineData("\"localActivityDate\":\"20251117\",\"localActivityTime\":\"100000\"", null)] // local time, zone unknown
    public void A_message_is_dated_by_its_gmt_activity_time_only(string when, string? observedAt)
    {
        var body = $$"""
            {"trackingNumber":"1ZCIETST0111111114","activityStatus":{"type":"U","code":"UP","description":"Updated Delivery Date"},
             "scheduledDeliveryDate":"20251120",{{when}}}
            """;

        var alert = UpsTrackAlertParser.Parse(body).Alert!;

        Assert.Equal(observedAt is null ? null : DateTimeOffset.Parse(observedAt, System.Globalization.CultureInfo.InvariantCulture), alert.Snapshot.ObservedAt);
    }

    [Fact]
    public void A_gmt_date_without_a_gmt_time_is_not_read_as_midnight()
    {
        const string body = """
            {"trackingNumber":"1ZCIETST0111111114","localActivityDate":"20251118","localActivityTime":"181553",
             "gmtActivityDate":"20251118","gmtActivityTime":"",
             "activityStatus":{"type":"D","code":"FS","descriptionCode":"011","description":"Delivered"}}
            """;

        var scan = Assert.Single(UpsTrackAlertParser.Parse(body).Alert!.Snapshot.Events);

        // Without a GMT time the scan site's offset is unknown: the local wall clock is kept, read as UTC, as when
        // there is no GMT part at all.
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 18, 15, 53, TimeSpan.Zero), scan.OccurredAt);
        Assert.Equal(TimeSpan.Zero, scan.OccurredAt.Offset);
    }

    [Fact]
    public void An_activity_with_unknown_codes_records_no_scan_and_says_which_code()
    {
        const string body = """
            {"trackingNumber":"1ZCIETST0111111114","activityStatus":{"type":"Q","code":"ZZ","descriptionCode":"999"},
             "gmtActivityDate":"20251118","gmtActivityTime":"120000"}
            """;

        var alert = UpsTrackAlertParser.Parse(body).Alert!;

        Assert.Empty(alert.Snapshot.Events);
        Assert.Equal("Q/ZZ/999", alert.UnmappedRawCode);
    }

    [Fact]
    public void A_delivery_photo_is_kept_as_proof_of_delivery()
    {
        var body = UpsTrackAlertWebhookTests.Delivered().Replace("\"scheduledDeliveryDate\": \"\",", "\"scheduledDeliveryDate\": \"\", \"deliveryPhoto\": \"iVBORw0KGgo=\",", StringComparison.Ordinal);

        var alert = UpsTrackAlertParser.Parse(body).Alert!;

        Assert.Equal(new ProofOfDelivery("", "", HasSignature: false, HasPhoto: true), alert.Snapshot.ProofOfDelivery);
    }

    [Theory]
    [InlineData("""{"trackingNumber":"1Z$","activityStatus":{"type":"D"},"gmtActivityDate":"20251118"}""", "trackingNumber")]
    [InlineData("""{"trackingNumber":"1ZCIETST0111111114","activityStatus":{}}""", "activityStatus")]
    [InlineData("""{"trackingNumber":"1ZCIETST0111111114","activityStatus":{"type":"I"},"gmtActivityDate":"20251118","localActivityDate":"18.11.2025"}""", "localActivityDate")]
    [InlineData("""{"trackingNumber":"1ZCIETST0111111114","activityStatus":{"type":"I"},"gmtActivityDate":"20251118","scheduledDeliveryDate":"tomorrow"}""", "scheduledDeliveryDate")]
    [InlineData("""{"trackingNumber":"1ZCIETST0111111114","activityStatus":{"type":"I"},"gmtActivityDate":"20251118","scheduledDeliveryDate":"20251119","deliveryEndTime":"5pm"}""", "deliveryEndTime")]
    [InlineData("""{"trackingNumber":"1ZCIETST0111111114","activityStatus":{"type":"I"},"gmtActivityDate":"20251118","activityLocation":{"city":["x"]}}""", "activityLocation.city")]
    public void A_body_that_does_not_fit_names_the_field(string body, string field)
    {
        var result = UpsTrackAlertParser.Parse(body);

        Assert.Null(result.Alert);
        Assert.Equal(field, result.Field);
        Assert.NotEmpty(result.Reason);
    }
}
