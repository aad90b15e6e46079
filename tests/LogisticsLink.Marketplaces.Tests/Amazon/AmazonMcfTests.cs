using LogisticsLink.Domain.Shipments;
using LogisticsLink.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>Multi-Channel Fulfillment tracking: Amazon's status and EVENT_ codes onto ours.</summary>
public sealed class AmazonMcfTests
{
    [Fact]
    public async Task An_MCF_package_shows_Amazons_current_status_and_its_events_newest_first()
    {
        await using var bed = await AmazonTestBed.StartAsync();

        var tracking = await bed.Client().FetchMcfPackageTrackingAsync(AmazonTestBed.Account(), 555013, CancellationToken.None);

        Assert.True(tracking.IsSuccess, tracking.FailureReason);
        Assert.Equal(555013, tracking.PackageNumber);
        Assert.Equal("IN_TRANSIT", tracking.CurrentStatus);
        var package = tracking.Package!;
        Assert.Equal("TBA304555001304", package.TrackingNumber);
        Assert.Equal("amazon", package.Carrier);
        Assert.Equal(TrackingStatus.InTransit, package.AmazonStatus);
        Assert.Equal("Package arrived at a carrier facility", package.AmazonStatusText);
        Assert.Equal(["EVENT_201", "EVENT_202", "EVENT_102", "EVENT_101"], tracking.Events.Select(e => e.Code));
        Assert.Equal(TrackingStatus.InfoReceived, tracking.Events[^1].Status);
        Assert.Equal("Columbus", tracking.Events[0].City);
    }

    [Fact]
    public async Task An_unknown_package_is_a_permanent_failure()
    {
        await using var bed = await AmazonTestBed.StartAsync();

        var tracking = await bed.Client().FetchMcfPackageTrackingAsync(AmazonTestBed.Account(), 42, CancellationToken.None);

        Assert.False(tracking.IsSuccess);
        Assert.False(tracking.Transient);
        Assert.StartsWith("amazon: getPackageTrackingDetails HTTP 404 NotFound: Package 42 was not found.", tracking.FailureReason);
    }

    [Fact]
    public void Without_a_current_status_the_latest_meaningful_event_speaks()
    {
        const string body = """
        {"payload":{"packageNumber":7,"trackingNumber":"1Z999AA10123456784","carrierCode":"UPS","shipDate":"2026-03-01T10:00:00Z",
          "estimatedArrivalDate":"2026-03-04T20:00:00Z","currentStatus":"UNKNOWN",
          "trackingEvents":[
            {"eventDate":"2026-03-02T08:00:00Z","eventCode":"EVENT_202","eventDescription":"Departure scan","eventAddress":{"city":"Hebron","country":"US"}},
            {"eventDate":"2026-03-03T09:30:00Z","eventCode":"EVENT_402","eventDescription":"Customs clearance delay","eventAddress":{"city":"Louisville","country":"US"}},
            {"eventDate":"2026-03-03T10:00:00Z","eventCode":"EVENT_999","eventDescription":"Something new"}]}}
        """;

        var tracking = AmazonMcfTracking.Parse(body);

        Assert.Equal("ups", tracking.Package!.Carrier);
        Assert.Equal(TrackingStatus.Exception, tracking.Package.AmazonStatus);
        Assert.Equal("Customs clearance delay", tracking.Package.AmazonStatusText);
        Assert.Null(tracking.Events[0].Status);
    }

    [Theory]
    [InlineData("EVENT_101", TrackingStatus.InfoReceived)]
    [InlineData("EVENT_205", TrackingStatus.InTransit)]
    [InlineData("EVENT_301", TrackingStatus.Delivered)]
    [InlineData("EVENT_302", TrackingStatus.OutForDelivery)]
    [InlineData("EVENT_304", TrackingStatus.AttemptFailed)]
    [InlineData("EVENT_308", TrackingStatus.AvailableForPickup)]
    [InlineData("EVENT_801", TrackingStatus.AvailableForPickup)]
    [InlineData("EVENT_804", TrackingStatus.Delivered)]
    [InlineData("EVENT_309", TrackingStatus.Returned)]
    [InlineData("EVENT_408", TrackingStatus.Returning)]
    [InlineData("EVENT_409", TrackingStatus.Lost)]
    [InlineData("EVENT_416", TrackingStatus.Lost)]
    [InlineData("EVENT_418", TrackingStatus.Exception)]
    [InlineData("EVENT_401", TrackingStatus.Exception)]
    public void Event_codes_map_to_our_statuses(string code, TrackingStatus status) =>
        Assert.Equal(status, AmazonMcfStatusMap.FromEventCode(code));

    [Theory]
    [InlineData("DELIVERED", TrackingStatus.Delivered)]
    [InlineData("UNDELIVERABLE", TrackingStatus.Lost)]
    [InlineData("DELAYED", TrackingStatus.Exception)]
    [InlineData("DELIVERY_ATTEMPTED", TrackingStatus.AttemptFailed)]
    [InlineData("RETURN_RECEIVED_IN_FC", TrackingStatus.Returned)]
    public void Current_statuses_map_to_our_statuses(string current, TrackingStatus status) =>
        Assert.Equal(status, AmazonMcfStatusMap.FromCurrentStatus(current));
}
