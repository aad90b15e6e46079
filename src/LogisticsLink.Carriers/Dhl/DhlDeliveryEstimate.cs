using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// DHL's delivery promise: <c>estimatedDeliveryTimeFrame</c> (<c>estimatedFrom</c>–<c>estimatedThrough</c>, the
/// window; the estimate is its end) and <c>estimatedTimeOfDelivery</c> (used alone when there is no window). A time
/// without a zone takes the newest event's offset; a date alone is that date at 00:00 UTC.
/// </summary>
public sealed record DhlDeliveryEstimate(DateTimeOffset Estimate, DeliveryWindow? Window)
{
    public static DhlDeliveryEstimate? Read(JsonElement shipment, TimeSpan? localOffset)
    {
        var frame = shipment.Child("estimatedDeliveryTimeFrame");
        var from = frame is { } f1 ? At(f1.Text("estimatedFrom"), localOffset) : null;
        var through = frame is { } f2 ? At(f2.Text("estimatedThrough"), localOffset) : null;
        if (from is { } start && through is { } end && end > start)
        {
            var window = new DeliveryWindow(start, end);
            return new DhlDeliveryEstimate(window.End, window);
        }
        var single = At(shipment.Text("estimatedTimeOfDelivery"), localOffset) ?? through ?? from;
        return single is { } eta ? new DhlDeliveryEstimate(eta, null) : null;
    }

    private static DateTimeOffset? At(string text, TimeSpan? localOffset)
    {
        if (DhlTimestamps.Parse(text) is not { } parsed)
        {
            return null;
        }
        // A date alone: the date-only convention (midnight UTC), whatever the local offset.
        return text.Trim().Length == 10 ? parsed.With(TimeSpan.Zero) : parsed.With(localOffset ?? TimeSpan.Zero);
    }
}
