using LogisticsLink.Carriers;
using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Server.Orders;

/// <summary>Deciding the carrier of a marketplace package whose carrier name we do not recognise.</summary>
public static class OrderPackages
{
    /// <summary>The detected carrier when detection is unambiguous and we have a connector for it; otherwise null.</summary>
    public static string? DetectCarrier(string trackingNumber) =>
        CarrierDetector.Detect(trackingNumber).Unambiguous is { } found && CarrierCodes.Known.Contains(found.Carrier) ? found.Carrier : null;
}
