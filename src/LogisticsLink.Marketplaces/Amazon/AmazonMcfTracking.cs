using System.Text.Json;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>One tracking event of an MCF package: Amazon's <c>EVENT_…</c> code, its meaning in our taxonomy, its text.</summary>
public sealed record AmazonMcfEvent(DateTimeOffset? At, string Code, TrackingStatus? Status, string Description, string City, string Country);

/// <summary>
/// A Multi-Channel Fulfillment package as <c>getPackageTrackingDetails</c> reports it: Amazon's current status (raw and
/// as <see cref="ImportedPackage.AmazonStatus"/>), the parcel for the order link (its number empty when Amazon gave
/// none; null only for a failed call), and the events newest first.
/// </summary>
public sealed record AmazonMcfTracking(
    int PackageNumber,
    string CurrentStatus,
    ImportedPackage? Package,
    IReadOnlyList<AmazonMcfEvent> Events,
    string? FailureReason = null,
    bool Transient = true)
{
    public bool IsSuccess => FailureReason is null;

    public static AmazonMcfTracking Failure(int packageNumber, string reason, bool transient) => new(packageNumber, "", null, [], reason, transient);

    /// <summary>Reads a <c>getPackageTrackingDetails</c> answer (<c>{"payload": PackageTrackingDetails}</c>).</summary>
    public static AmazonMcfTracking Parse(string body)
    {
        var (tracking, unreadable) = Read(body);
        return tracking ?? throw new AmazonMalformedException(unreadable!);
    }

    /// <summary>
    /// A getPackageTrackingDetails answer read as <see cref="Parse"/> reads it, but a package in it that cannot be read
    /// (a date that is no date, a value of the wrong kind) comes back as the reason: asking again gets the same shape. An
    /// answer that is no JSON (maybe cut short), or has no payload, is malformed.
    /// </summary>
    public static (AmazonMcfTracking? Tracking, string? Unreadable) Read(string body)
    {
        using var document = AmazonJson.Parse(body);
        var payload = document.RootElement.Child("payload") ?? throw new AmazonMalformedException("getPackageTrackingDetails answer without 'payload'");
        try
        {
            return (ReadPayload(payload), null);
        }
        catch (AmazonMalformedException e)
        {
            return (null, e.Message);
        }
    }

    private static AmazonMcfTracking ReadPayload(JsonElement payload)
    {
        var packageNumber = int.TryParse(payload.Text("packageNumber"), out var n) ? n : 0;
        var events = payload.Items("trackingEvents").Select(e =>
        {
            var code = e.Text("eventCode");
            var address = e.Child("eventAddress");
            return new AmazonMcfEvent(e.Instant("eventDate"), code, AmazonMcfStatusMap.FromEventCode(code), e.Text("eventDescription"),
                address?.Text("city") ?? "", address?.Text("country") ?? "");
        }).OrderByDescending(e => e.At ?? DateTimeOffset.MinValue).ToList();

        var current = payload.Text("currentStatus");
        var latest = events.FirstOrDefault(e => e.Status is not null);
        var status = AmazonMcfStatusMap.FromCurrentStatus(current) ?? latest?.Status;
        var description = payload.Text("currentStatusDescription");
        var text = description.Length > 0 ? description : latest?.Description is { Length: > 0 } d ? d : current;

        var number = payload.Text("trackingNumber");
        var carrier = payload.Text("carrierCode");
        // Without a number Amazon's status still counts: a package known only by Amazon's own number gets it too.
        var package = new ImportedPackage(MarketplaceCarrierNames.ToCarrierCode(carrier), carrier, number, payload.Instant("shipDate"),
            payload.Instant("estimatedArrivalDate"), status, text);
        return new AmazonMcfTracking(packageNumber, current, package, events);
    }
}

/// <summary>
/// Fulfillment Outbound (MCF) tracking vocabulary onto our statuses: <c>currentStatus</c> values and the
/// <c>EVENT_…</c> codes with the meanings Amazon's model gives them. Unknown codes give null (no opinion).
/// </summary>
public static class AmazonMcfStatusMap
{
    public static TrackingStatus? FromCurrentStatus(string status) => status switch
    {
        "IN_TRANSIT" => TrackingStatus.InTransit,
        "OUT_FOR_DELIVERY" => TrackingStatus.OutForDelivery,
        "DELIVERED" => TrackingStatus.Delivered,
        "DELIVERY_ATTEMPTED" => TrackingStatus.AttemptFailed,
        "AVAILABLE_FOR_PICKUP" => TrackingStatus.AvailableForPickup,
        "DELAYED" or "CUSTOMER_ACTION" => TrackingStatus.Exception,
        // "lost or destroyed", in the model's words.
        "UNDELIVERABLE" => TrackingStatus.Lost,
        "RETURNING" => TrackingStatus.Returning,
        "RETURNED" => TrackingStatus.Returned,
        // The pickup and refund values follow a return the buyer started after delivery.
        "RETURN_REQUEST_ACCEPTED" or "PICKUP_SCHEDULED" or "PICKUP_ATTEMPTED" or "PICKUP_SUCCESSFUL" => TrackingStatus.Returning,
        "RETURN_RECEIVED_IN_FC" or "REFUND_ISSUED" => TrackingStatus.Returned,
        // A cancelled return pickup leaves the parcel with the buyer, where it was delivered.
        "PICKUP_CANCELLED" => TrackingStatus.Delivered,
        _ => null, // UNKNOWN and anything newer
    };

    public static TrackingStatus? FromEventCode(string code) => code switch
    {
        "EVENT_101" => TrackingStatus.InfoReceived, // carrier notified to pick up package
        "EVENT_102" or "EVENT_201" or "EVENT_202" or "EVENT_203" or "EVENT_204" or "EVENT_205" or "EVENT_206"
            or "EVENT_307" or "EVENT_415" or "EVENT_419" => TrackingStatus.InTransit,
        "EVENT_301" or "EVENT_804" => TrackingStatus.Delivered,
        "EVENT_302" => TrackingStatus.OutForDelivery,
        "EVENT_304" => TrackingStatus.AttemptFailed,
        "EVENT_308" or "EVENT_801" => TrackingStatus.AvailableForPickup, // at a pickup point / in a locker
        "EVENT_309" => TrackingStatus.Returned,
        "EVENT_408" => TrackingStatus.Returning,
        "EVENT_409" or "EVENT_416" => TrackingStatus.Lost,
        "EVENT_306" or "EVENT_401" or "EVENT_402" or "EVENT_403" or "EVENT_404" or "EVENT_405" or "EVENT_406" or "EVENT_407"
            or "EVENT_411" or "EVENT_412" or "EVENT_413" or "EVENT_414" or "EVENT_417" or "EVENT_418" => TrackingStatus.Exception,
        _ => null,
    };
}
