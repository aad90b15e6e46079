using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.Dpd;

public sealed class DpdTrackingParserTests
{
    private static LogisticsLink.Domain.Tracking.CarrierSnapshot Snapshot(string body)
    {
        var result = DpdTrackingParser.Parse(DpdFixtures.ParcelNumber, body);
        Assert.True(result.IsSuccess, result.FailureReason);
        return result.Snapshot!;
    }

    [Fact]
    public void The_real_capture_is_read_newest_first_without_duplicates_or_milestones()
    {
        var snapshot = Snapshot(DpdFixtures.RealCapture);

        Assert.Equal(TrackingStatus.AttemptFailed, snapshot.Status);
        Assert.Equal("attempt_failed.back_at_depot", snapshot.StatusDetail);
        Assert.Equal("After an unsuccessful delivery attempt the parcel is back at the recipient depot.", snapshot.StatusDescription);
        Assert.Equal(
            ["ReturningFromDelivery", "PickedUp", "ParcelShop", "DeliveryFailure", "DeliveryFailure", "Courier", "Depot", "BetweenDepots"],
            snapshot.Events.Select(e => e.RawCode));
        // The same failure at the same instant at two depots is two scans; the verbatim repeat is one.
        Assert.Equal(["Aschaffenburg", "Mechelen"], snapshot.Events.Where(e => e.RawCode == "DeliveryFailure").Select(e => e.Location.City).Order());
        Assert.Equal(new DateTimeOffset(2021, 8, 19, 17, 11, 26, TimeSpan.FromHours(2)), snapshot.Events[0].OccurredAt);
        Assert.Equal(new TrackingLocation("Puurs", CountryCode: "BE"), snapshot.Events[^1].Location);
        Assert.Equal("https://www.dpdgroup.com/be/mydpd/my-parcels/track?lang=en&parcelNumber=05308801410058", snapshot.TrackingUrl);
        Assert.Null(snapshot.EstimatedDelivery);
        Assert.Null(snapshot.ProofOfDelivery);
        Assert.Equal(64, snapshot.PayloadSha256.Length);
    }

    [Fact]
    public void The_real_capture_maps_each_documented_code()
    {
        var byCode = Snapshot(DpdFixtures.RealCapture).Events.GroupBy(e => e.RawCode).ToDictionary(g => g.Key, g => g.First().Status);

        Assert.Equal(TrackingStatus.InTransit, byCode["BetweenDepots"]);
        Assert.Equal(TrackingStatus.InTransit, byCode["Depot"]);
        Assert.Equal(TrackingStatus.OutForDelivery, byCode["Courier"]);
        Assert.Equal(TrackingStatus.AttemptFailed, byCode["DeliveryFailure"]);
        Assert.Equal(TrackingStatus.AvailableForPickup, byCode["ParcelShop"]);
        Assert.Equal(TrackingStatus.InTransit, byCode["PickedUp"]);
    }

    [Fact]
    public void The_authentication_fault_is_a_permanent_failure()
    {
        var result = DpdTrackingParser.Parse(DpdFixtures.ParcelNumber, DpdFixtures.AuthenticationFault);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("DELICOM_ERR_AUTHENTICATION", result.FailureReason);
        Assert.True(DpdSoap.ReadFault(DpdFixtures.AuthenticationFault)!.IsAuthentication);
    }

    [Fact]
    public void An_empty_trackingresult_is_not_found()
    {
        Assert.Equal(TrackingStatus.NotFound, Snapshot(DpdFixtures.Envelope("")).Status);
    }

    [Fact]
    public void Shipment_data_without_a_reached_status_is_info_received()
    {
        var snapshot = Snapshot(DpdFixtures.Envelope(DpdFixtures.ShipmentInfo));

        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Equal("info_received.shipment_data", snapshot.StatusDetail);
        Assert.Contains("DPD PARCELSHOP DELIVERY", snapshot.StatusDescription);
        Assert.Empty(snapshot.Events);
    }

    [Fact]
    public void A_delivery_after_a_return_notice_is_the_return_to_the_sender()
    {
        var snapshot = Snapshot(DpdFixtures.WithStatuses(
            ("PickedUp", "3/2/2026 9:00:00 AM", ""),
            ("Depot", "3/3/2026 9:00:00 AM", "Returning to sender: undeliverable."),
            ("BetweenDepots", "3/4/2026 9:00:00 AM", ""),
            ("Delivered", "3/5/2026 9:00:00 AM", "")));

        Assert.Equal(TrackingStatus.Returned, snapshot.Status);
        Assert.Equal("returned.to_sender", snapshot.StatusDetail);
        Assert.Equal(TrackingStatus.Exception, snapshot.Events[2].Status);
        Assert.Equal("Depot: Returning to sender: undeliverable.", snapshot.Events[2].Description);
    }

    [Fact]
    public void An_unknown_code_keeps_the_previous_status()
    {
        var parsed = DpdTrackingParser.Read(DpdFixtures.ParcelNumber, DpdFixtures.WithStatuses(
            ("PickedUp", "3/2/2026 9:00:00 AM", ""),
            ("Teleported", "3/3/2026 9:00:00 AM", "")));

        var snapshot = parsed.Result.Snapshot!;
        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal("Teleported", snapshot.Events[0].RawCode);
        Assert.Equal(["Teleported"], parsed.UnknownCodes);
    }

    [Fact]
    public void Only_unknown_codes_are_a_failure_not_a_guess()
    {
        var result = DpdTrackingParser.Parse(DpdFixtures.ParcelNumber, DpdFixtures.WithStatuses(("Teleported", "3/3/2026 9:00:00 AM", "")));

        Assert.False(result.IsSuccess);
        Assert.Contains("Teleported", result.FailureReason);
    }

    [Theory]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><getTrackingDataResponse>")]
    [InlineData("{\"not\":\"xml\"}")]
    [InlineData("")]
    public void A_body_that_is_not_XML_is_a_malformed_failure(string body)
    {
        var result = DpdTrackingParser.Parse(DpdFixtures.ParcelNumber, body);

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
    }

    [Fact]
    public void XML_of_another_shape_is_an_unexpected_response()
    {
        var result = DpdTrackingParser.Parse(DpdFixtures.ParcelNumber, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><other/></soap:Body></soap:Envelope>");

        Assert.False(result.IsSuccess);
        Assert.Contains("getTrackingDataResponse", result.FailureReason);
    }

    [Fact]
    public void A_reached_scan_with_an_unreadable_date_fails_the_parcel()
    {
        var result = DpdTrackingParser.Parse(DpdFixtures.ParcelNumber, DpdFixtures.WithStatuses(("Delivered", "soon", "")));

        Assert.False(result.IsSuccess);
        Assert.Contains("date", result.FailureReason);
    }

    [Theory]
    [InlineData("Puurs (BE)", "Puurs", "BE")]
    [InlineData("Aschaffenburg (de)", "Aschaffenburg", "DE")]
    [InlineData("Hub 3", "Hub 3", "")]
    public void Locations_split_city_and_country(string text, string city, string country)
    {
        var location = DpdTrackingParser.Location(text);
        Assert.Equal((city, country), (location.City, location.CountryCode));
    }
}
