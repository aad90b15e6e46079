using System.Text.Json;
using LogisticsLink.Carriers.Time;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// The promised delivery: the end of <c>estimatedDeliveryTimeWindow</c> (the latest the parcel should arrive), else
/// its start; else the same from <c>standardTransitTimeWindow</c> (the service's standard promise); else the
/// <c>ESTIMATED_DELIVERY</c> entry of <c>dateAndTimes</c>. A date-time without offset takes the newest scan's offset;
/// a date with no time is <see cref="DateOnlyPromise"/> (that date at 00:00 UTC), as every adapter stores one.
/// </summary>
internal static class FedExEta
{
    public static DateTimeOffset? Of(JsonElement result, TimeSpan fallbackOffset)
    {
        foreach (var windowName in (string[])["estimatedDeliveryTimeWindow", "standardTransitTimeWindow"])
        {
            var window = result.Prop(windowName).Prop("window");
            if ((Read(window.Str("ends"), fallbackOffset) ?? Read(window.Str("begins"), fallbackOffset)) is { } eta)
            {
                return eta;
            }
        }
        var estimated = result.Array("dateAndTimes")
            .FirstOrDefault(d => d.Str("type").Equals("ESTIMATED_DELIVERY", StringComparison.OrdinalIgnoreCase));
        return estimated.ValueKind == JsonValueKind.Object ? Read(estimated.Str("dateTime"), fallbackOffset) : null;
    }

    /// <summary>FedEx's estimated window, when it gives both ends.</summary>
    public static DeliveryWindow? Window(JsonElement result, TimeSpan fallbackOffset)
    {
        var window = result.Prop("estimatedDeliveryTimeWindow").Prop("window");
        return Read(window.Str("begins"), fallbackOffset) is { } begins && Read(window.Str("ends"), fallbackOffset) is { } ends && ends > begins
            ? new DeliveryWindow(begins, ends)
            : null;
    }

    private static DateTimeOffset? Read(string text, TimeSpan fallbackOffset) =>
        BareDate.Parse(text) is { } day ? DateOnlyPromise.Of(day)
        : FedExTimestamps.Parse(text) is { } parsed ? parsed.With(fallbackOffset)
        : null;
}
